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
}
