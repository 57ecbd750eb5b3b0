using System.Text.Json;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>Two contexts in one process, one serving nt/Calc over a real nats-server, one calling it through the transport.</summary>
public sealed class RemoteCallTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly Probe _probe = new();
    private ApplicationContext _server = null!;
    private ApplicationContext _client = null!;

    private NatsTransport Transport => _client.Get<NatsTransport>();

    private string Via => $"NATS {nats.Url}";

    public async Task InitializeAsync()
    {
        _server = await Contexts.ServerAsync(nats.Url, _probe);
        _client = await Contexts.ClientAsync(nats.Url);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Invoke_ReturnsTheResult()
    {
        var result = await Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 2, b = 3 })), CancellationToken.None);

        result.GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task Invoke_MatchesTheAddressIgnoringCase()
    {
        var result = await Transport.InvokeAsync(new RemoteCall("NT", "calc", "echo", Json.Of("hi")), CancellationToken.None);

        result.GetString().Should().Be("hi");
    }

    [Fact]
    public async Task Invoke_ReturnsNoResult_ForAVoidEndpoint()
    {
        var result = await Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Nothing", default), CancellationToken.None);

        result.ValueKind.Should().Be(JsonValueKind.Undefined);
    }

    [Fact]
    public async Task Stream_YieldsEveryItemInOrder()
    {
        var items = new List<int>();
        await foreach (var item in Transport.StreamAsync(new RemoteCall("nt", "Calc", "Count", Json.Of(1000)), CancellationToken.None))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(0, 1000));
    }

    [Fact]
    public async Task Stream_YieldsEveryItemInOrder_WithAWindowSmallerThanTheStream()
    {
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe(), ("Sprig:Nats:StreamWindow", "4"));
        await _server.DisposeAsync();   // only the small-window server serves nt/Calc now
        var items = new List<int>();
        await foreach (var item in Transport.StreamAsync(new RemoteCall("nt", "Calc", "Count", Json.Of(100)), CancellationToken.None))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(0, 100));
    }

    [Fact]
    public async Task Invoke_Throws500WithoutDetails_WhenTheEndpointThrows()
    {
        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Fail", default), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(500);
        thrown.Address.Should().Be("nt/Calc/Fail");
        thrown.RemoteExceptionType.Should().BeNull();
        thrown.Message.Should().Be(
            $"Calling 'nt/Calc/Fail' through {Via} failed (500): Endpoint 'nt/Calc/Fail' threw an exception in the serving process; its log "
            + "has the details. The exception's type and message are sent to callers only in the Development environment "
            + "(DOTNET_ENVIRONMENT=Development) or with Sprig:Remoting:ExceptionDetails=true.");
    }

    [Fact]
    public async Task Invoke_Throws500WithTheExceptionsTypeAndMessage_WhenDetailsAreOn()
    {
        await _server.DisposeAsync();
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe(), ("Sprig:Remoting:ExceptionDetails", "true"));

        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Fail", default), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(500);
        thrown.RemoteExceptionType.Should().Be("System.InvalidOperationException");
        thrown.Message.Should().Be(
            $"Calling 'nt/Calc/Fail' through {Via} failed (500): Endpoint 'nt/Calc/Fail' threw System.InvalidOperationException: "
            + "The calculator's battery is flat.");
    }

    [Fact]
    public async Task Invoke_Throws400NamingTheParameter_AsALocalCallWould()
    {
        var arguments = Json.Of(new { a = "two", b = 3 });
        var local = await ((Func<Task>)(() => _server.Endpoints.InvokeAsync("nt/Calc/Add", arguments))).Should().ThrowAsync<EndpointBindingException>();

        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", arguments), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        thrown.StatusCode.Should().Be(400);
        thrown.ParameterName.Should().Be("a");
        thrown.JsonPath.Should().Be(local.Which.JsonPath);
        thrown.Message.Should().Be(local.Which.Message);
    }

    [Fact]
    public async Task Invoke_Throws400_WhenAStreamingEndpointIsInvoked()
    {
        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Count", Json.Of(3)), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        thrown.Message.Should().Be(
            "Endpoint 'nt/Calc/Count' streams (it returns IAsyncEnumerable<T>); call it with StreamAsync, or declare it as IAsyncEnumerable<T> in the contract.");
    }

    [Fact]
    public async Task Invoke_Throws503AtOnce_WhenNothingServesTheAddress()
    {
        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Nobody", "run", default), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(503);
        thrown.Message.Should().Be(
            $"Nothing serves 'nt/Nobody/run': no process answered on {Via}. Start a process that serves the component (with Sprig:Nats:Serve "
            + "left on), or check the address: '{namespace}/{component}/{endpoint}'.");
    }

    [Fact]
    public async Task Stream_Throws503_WhenNothingServesTheAddress()
    {
        var act = async () =>
        {
            await foreach (var _ in Transport.StreamAsync(new RemoteCall("nt", "Nobody", "run", default), CancellationToken.None))
            {
            }
        };

        (await act.Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Invoke_CancelsTheServersToken_WhenTheCallerCancels()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Hold", default), cancellation.Token);
        await _probe.Started.Task.WaitAsync(Bound);

        await cancellation.CancelAsync();

        await ((Func<Task>)(() => call)).Should().ThrowAsync<OperationCanceledException>();
        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Stream_CancelsTheServersToken_WhenTheCallerStopsEarly()
    {
        var taken = 0;
        await foreach (var _ in Transport.StreamAsync(new RemoteCall("nt", "Calc", "Endless", default), CancellationToken.None))
        {
            if (++taken == 3)
            {
                break;
            }
        }

        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Invoke_Throws504AndCancelsTheServersCall_WhenTheDeadlinePasses()
    {
        await using var client = await Contexts.ClientAsync(nats.Url, ("Sprig:Nats:RequestTimeout", "00:00:00.500"));

        var act = () => client.Get<NatsTransport>().InvokeAsync(new RemoteCall("nt", "Calc", "Hold", default), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(504);
        thrown.Message.Should().Be(
            $"Calling 'nt/Calc/Hold' through {Via} got no answer within 0.5 s (Sprig:Nats:RequestTimeout). The serving process may be "
            + "overloaded or stuck; raise the timeout if the endpoint is slow.");
        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Invoke_Throws400NamingTheSizeAndTheLimit_WhenTheArgumentsExceedMaxPayload()
    {
        var text = new string('x', 2 * 1024 * 1024);

        var act = () => Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Echo", Json.Of(text)), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(400);
        var size = Sprig.Nats.Protocol.FramePublisher.Size(Sprig.Nats.Protocol.Frame.ForCall(JsonSerializer.SerializeToUtf8Bytes(text)));
        thrown.Message.Should().Be(
            $"The arguments of 'nt/Calc/Echo' are {size} bytes, over the NATS server's limit of 1048576 bytes per message (max_payload). "
            + "Send less per call (split the data, or pass a reference such as a URL or an object-store key), or raise max_payload in the "
            + "nats-server configuration.");
        _probe.Calls.Should().Be(0);
    }
}
