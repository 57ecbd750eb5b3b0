using Microsoft.Extensions.Logging;

namespace Sprig.Tests.Controllers;

/// <summary>
/// The notes controller's script, compiled into Sprig.Web.Tests (JIT: RequestDelegateFactory binds it) and Sprig.Aot.Tests
/// (dynamic code off: Sprig.Generator's request delegates serve it), with the same expected answers: a difference between the
/// two paths fails one suite.
/// </summary>
public sealed class NotesParityTests
{
    [Fact]
    public async Task Controller_BindsEveryParameterKind_AndWritesEachKindOfResult()
    {
        await using var host = await NotesHost.StartAsync();

        await NoteScenarios.BindsEveryParameterKind_AndWritesEachKindOfResultAsync(host.Client);
    }

    [Fact]
    public async Task ConventionalActions_AnswerAtTheirRoutes_AndOtherVerbsGet405WithAllow()
    {
        await using var host = await NotesHost.StartAsync();

        await NoteScenarios.AnswersConventionalRoutes_405And404Async(host.Client);
    }

    [Fact]
    public async Task ClosedRoutes_Answer401_WhetherClosedByAttributeOrByTheResultTypesMetadata()
    {
        await using var server = await NotesServer.StartAsync();

        await NoteScenarios.AnswersUnauthorizedAsync(server.Client);
    }

    [Theory]
    [MemberData(nameof(NoteAnswers.BadValues), MemberType = typeof(NoteAnswers))]
    public async Task BadValue_Answers400Problem(string path, string detail)
    {
        await using var host = await NotesHost.StartAsync();

        await NoteScenarios.AnswersBadValueAsync(host.Client, path, detail);
    }

    [Theory]
    [MemberData(nameof(NoteAnswers.BadBodies), MemberType = typeof(NoteAnswers))]
    public async Task BadBody_Answers400Or404Problem(string contentType, string body, int status, string detail)
    {
        await using var host = await NotesHost.StartAsync();

        await NoteScenarios.AnswersBadBodyAsync(host.Client, contentType, body, status, detail);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryAction_ParametersBodiesAndResults()
    {
        await using var host = await NotesHost.StartAsync(openApi: true);

        await NoteScenarios.DescribesOpenApiAsync(host.Client);
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(3 * 1024 * 1024, 1024 * 1024)] // a megabyte of a 3 MiB upload
    public async Task ClientThatAbortsMidBody_Is400WithoutAnError_AndTheActionNeverRuns(int length, int sent)
    {
        var aborting = new AbortingClient("/notes");
        var host = await NotesHost.StartAsync(middleware: aborting.Watch);
        var logs = host.Logs;
        try
        {
            var status = await aborting.PostPartOfABodyThenResetAsync(host.Client.BaseAddress!, length, sent);

            status.Should().Be(400, "RequestDelegateFactory sets 400 for a body it cannot read, and writes nothing (the client is gone)");
            (await host.Client.GetStringAsync("/notes/count")).Should().Be("1", "AddAsync never ran");
        }
        finally
        {
            // Stopping the host finishes every request, so whatever the aborted one logs is in by now.
            await host.DisposeAsync();
        }

        // Kestrel may report that it could not drain the reset connection's body; it does so for RequestDelegateFactory's routes alike.
        logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning && !r.Message.Contains("automatic draining of the request body failed", StringComparison.Ordinal))
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception}").Should().BeEmpty();
    }

    [Fact]
    public async Task EachRoute_CarriesRequestDelegateFactorysInferredMetadata()
    {
        await using var host = await NotesHost.StartAsync();

        NoteScenarios.InferredMetadata(host.Services).Should().Equal(NoteAnswers.InferredMetadata);
    }
}
