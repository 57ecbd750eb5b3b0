using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Rule 6 — errors of remote calls: outside Development an endpoint's exception reaches the caller as a 500 without its type or
/// message; arguments that do not fit are an <see cref="EndpointBindingException"/> (400) naming the parameter, worded as a
/// local call would word it.
/// </summary>
public sealed class RemoteErrorTests(SharedWorker fixture) : IClassFixture<SharedWorker>
{
    [Fact]
    public async Task Proxy_Throws500WithoutTheRemoteTypeOrMessage_WhenTheEndpointThrowsOutsideDevelopment()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Get<IEchoWorker>().Invoking(e => e.Fail("secret connection string").WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>();

        thrown.WithMessage(Messages.RemoteFailed("test/EchoWorker/Fail", 500, Messages.RemoteThrewHidden("test/EchoWorker/Fail"), Messages.Via(fixture.Server)));
        thrown.Which.StatusCode.Should().Be(500);
        thrown.Which.RemoteExceptionType.Should().BeNull();
        thrown.Which.Message.Should().NotContain("secret").And.NotContain(nameof(InvalidOperationException));
    }

    [Theory]
    [InlineData("""{"a":"one","b":2}""", "a")]
    [InlineData("""{"a":1,"b":[2]}""", "b")]
    [InlineData("""{"a":1}""", "b")]
    public async Task Call_Throws400NamingTheParameter_WhenTheArgumentsDoNotFit(string arguments, string parameter)
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Invoking(c => c.Endpoints.InvokeAsync("test/EchoWorker/Add", Caller.Json(arguments)).WaitAsync(Deadlines.Call))
            .Should().ThrowAsync<EndpointBindingException>();

        thrown.WithMessage(await LocalBindingErrorAsync("test/EchoWorker/Add", arguments), "the worker words it as a local call would");
        thrown.Which.StatusCode.Should().Be(400);
        thrown.Which.ParameterName.Should().Be(parameter);
        thrown.Which.Address.Should().Be("test/EchoWorker/Add");
        (await caller.Get<IEchoWorker>().Add(1, 2).Answer(fixture.Worker)).Should().Be(3, "the worker keeps serving");
    }

    [Fact]
    public async Task Call_Throws400_WhenSeveralParametersAreNotSentAsAnObject()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Invoking(c => c.Endpoints.InvokeAsync("test/EchoWorker/Add", Caller.Json("[1, 2]")).WaitAsync(Deadlines.Call))
            .Should().ThrowAsync<EndpointBindingException>();

        thrown.WithMessage(
            "Endpoint 'test/EchoWorker/Add' takes 2 parameters (a, b), so its arguments must be a JSON object of named parameters (camelCase), "
            + "e.g. {\"a\": ..., \"b\": ...}, but they are a JSON array.");
        thrown.Which.StatusCode.Should().Be(400);
    }

    // The same call made in-process, against the same component: the remote message must be this one.
    private static async Task<string> LocalBindingErrorAsync(string address, string arguments)
    {
        await using var local = new ApplicationContext(new PendingRegistry().Register<EchoWorker>(), new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
        await local.RefreshAsync();
        try
        {
            await local.Endpoints.InvokeAsync(address, Caller.Json(arguments));
        }
        catch (EndpointBindingException ex)
        {
            return ex.Message;
        }

        throw new InvalidOperationException($"The local call of {address} with {arguments} did not fail; the test's premise is wrong.");
    }
}
