using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>
/// What a caller of a remote contract sees when a call over the HTTP transport goes wrong: its own cancellation reaches the
/// server's endpoint, and every failure is an <see cref="EndpointCallException"/> with the status and message a local call would
/// have (400, 404, 500) or that says what happened on the way (503 nothing listens, 504 deadline passed).
/// </summary>
public sealed class RemoteHttpFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Proxy_CancelsTheServersToken_WhenTheCallerCancelsAUnaryCall()
    {
        await using var pair = await RemotePair.StartAsync();
        using var cancellation = new CancellationTokenSource();

        var call = pair.Client.Get<IJobs>().HoldAsync(cancellation.Token);
        await pair.Signals.HoldEntered.Task.WaitAsync(Bound);
        await cancellation.CancelAsync();

        await call.Invoking(c => c.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        await pair.Signals.HoldCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Proxy_CancelsTheServersToken_WhenTheCallerCancelsMidStream()
    {
        await using var pair = await RemotePair.StartAsync();
        using var cancellation = new CancellationTokenSource();
        await using var items = pair.Client.Get<IJobs>().TickAsync(cancellation.Token).GetAsyncEnumerator();

        (await items.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();
        items.Current.Should().Be(0);
        await cancellation.CancelAsync();

        await items.Invoking(i => i.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        await pair.Signals.TickCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Proxy_CancelsTheServersTokenWithinASecond_WhenTheCallerStopsReadingAStream()
    {
        await using var pair = await RemotePair.StartAsync();
        var items = pair.Client.Get<IJobs>().TickAsync().GetAsyncEnumerator();
        (await items.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();

        // No cancellation: the caller just stops (breaks out of its await foreach), and the connection must close at once.
        await items.DisposeAsync();

        await pair.Signals.TickCancelled.Task.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task EndpointsStreamAsync_CancelsTheServersToken_WhenTheCallerCancelsMidStream()
    {
        await using var pair = await RemotePair.StartAsync();
        using var cancellation = new CancellationTokenSource();
        await using var items = pair.Client.Endpoints.StreamAsync("remote/Jobs/TickAsync", default, cancellation.Token).GetAsyncEnumerator(cancellation.Token);

        (await items.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();
        await cancellation.CancelAsync();

        await items.Invoking(i => i.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        await pair.Signals.TickCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Proxy_Throws500WithTheExceptionsTypeAndMessage_WhenTheEndpointThrowsOnADevelopmentServer()
    {
        await using var pair = await RemotePair.StartAsync(serverConfiguration: new() { ["environment"] = "Development" });

        var act = () => pair.Client.Get<IJobs>().FailAsync("the ledger is locked");

        var error = (await act.Should().ThrowExactlyAsync<EndpointCallException>()).Which;
        error.Message.Should().Be(
            $"Calling 'remote/Jobs/FailAsync' through HTTP {pair.Url} failed (500): "
            + "Endpoint 'remote/Jobs/FailAsync' threw System.InvalidOperationException: the ledger is locked");
        error.StatusCode.Should().Be(500);
        error.Address.Should().Be("remote/Jobs/FailAsync");
        error.RemoteExceptionType.Should().Be("System.InvalidOperationException");
    }

    [Fact]
    public async Task Proxy_Throws500WithoutTheExceptionsText_WhenTheEndpointThrowsOnAProductionServer()
    {
        await using var pair = await RemotePair.StartAsync(serverConfiguration: new() { ["environment"] = "Production" });

        var act = () => pair.Client.Get<IJobs>().FailAsync("secret connection string");

        var error = (await act.Should().ThrowExactlyAsync<EndpointCallException>()).Which;
        error.Message.Should().NotContain("secret").And.NotContain("InvalidOperationException");
        // Only the trace id (random per request) is left open: it is what an operator looks the failure up by.
        error.Message.Should().Match(
            $"Calling 'remote/Jobs/FailAsync' through HTTP {pair.Url} failed (500): "
            + "The server failed to process the request. Quote the trace id '00-*' when you report it; the log has the details.");
        error.StatusCode.Should().Be(500);
        error.RemoteExceptionType.Should().BeNull();
    }

    [Fact]
    public async Task EndpointsInvokeAsync_Throws400NamingTheParameter_WhenAnArgumentHasTheWrongType()
    {
        await using var pair = await RemotePair.StartAsync();

        var act = () => pair.Client.Endpoints.InvokeAsync("remote/Calculator/price", JsonSerializer.SerializeToElement(new { symbol = "SPRG", quantity = "many" }));

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'remote/Calculator/price' cannot bind parameter 'quantity' (int): the JSON at '$.quantity' is a string, which does not convert to int. "
            + "Send a valid int there.");
        error.StatusCode.Should().Be(400);
        error.ParameterName.Should().Be("quantity");
        error.JsonPath.Should().Be("$.quantity");
        error.Address.Should().Be("remote/Calculator/price");
    }

    [Fact]
    public async Task EndpointsInvokeAsync_Throws404_ForAnEndpointTheServerDoesNotHave()
    {
        await using var pair = await RemotePair.StartAsync();

        var act = () => pair.Client.Endpoints.InvokeAsync("remote/Calculator/nope", default);

        var error = (await act.Should().ThrowAsync<EndpointNotFoundException>()).Which;
        error.Message.Should().Be(
            "No endpoint has the address 'remote/Calculator/nope'. An address is '{namespace}/{component}/{endpoint}'; check it, and check that "
            + "the method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
        error.StatusCode.Should().Be(404);
        error.Address.Should().Be("remote/Calculator/nope");
    }

    [Fact]
    public async Task EndpointsInvokeAsync_Throws404WithTheServersSuggestions_ForAMisspelledEndpoint()
    {
        await using var pair = await RemotePair.StartAsync();

        var act = () => pair.Client.Endpoints.InvokeAsync("remote/Calculator/pric", JsonSerializer.SerializeToElement(new { symbol = "SPRG", quantity = 1 }));

        var error = (await act.Should().ThrowAsync<EndpointNotFoundException>()).Which;
        error.Message.Should().Be(
            "No endpoint has the address 'remote/Calculator/pric'. Did you mean 'remote/Calculator/price'? An address is "
            + "'{namespace}/{component}/{endpoint}'; check it, and check that the method is marked [Endpoint] and that its component is "
            + "registered and not excluded by a condition.");
        error.Suggestions.Should().Equal("remote/Calculator/price");
    }

    [Fact]
    public async Task Proxy_Throws503Quickly_WhenNothingListensAtTheUrl()
    {
        var url = $"http://127.0.0.1:{UnusedPort()}/";
        await using var client = RemotePair.CreateClient(new PendingRegistry(), new()
        {
            ["Sprig:Remotes:remote:Calculator:Url"] = url,
            ["Sprig:Remotes:RequestTimeout"] = "00:05:00",
        });
        client.Refresh();

        var act = () => client.Get<ICalculator>().NegateAsync(1).AsTask().WaitAsync(Bound);

        var error = (await act.Should().ThrowExactlyAsync<EndpointCallException>()).Which;
        error.Message.Should().Be(
            $"Nothing serves 'remote/Calculator/NegateAsync': no server accepted a connection at {url} (Sprig:Remotes:remote:Calculator:Url). "
            + "Start the process that serves component 'remote/Calculator' there, or set the URL to where it runs.");
        error.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Proxy_EnumerationThrows500_WhenTheStreamFailsAfterItsFirstItem()
    {
        await using var pair = await RemotePair.StartAsync(serverConfiguration: new() { ["environment"] = "Development" });
        var items = new List<int>();

        var act = async () =>
        {
            await foreach (var item in pair.Client.Get<IJobs>().BreakAsync())
            {
                items.Add(item);
            }
        };

        var error = (await act.Should().ThrowExactlyAsync<EndpointCallException>()).Which;
        items.Should().Equal(1);
        error.Message.Should().Be(
            $"Calling 'remote/Jobs/BreakAsync' through HTTP {pair.Url} failed (500): "
            + "Endpoint 'remote/Jobs/BreakAsync' threw System.InvalidOperationException: the ledger is locked");
        error.StatusCode.Should().Be(500);
    }

    [Fact]
    public async Task Server_EndsAStreamThatFailsAfterItsFirstItem_WithAFailureLineNoItemCanBeTakenFor()
    {
        await using var served = await ServedContext.StartAsync(
            new PendingRegistry().Register<JobsService>().RegisterInstance("Signals", new Signals()), new() { ["environment"] = "Production" });

        var ndjson = await served.Client.PostAsync("/rpc/remote/Jobs/BreakAsync", null);
        using var sseRequest = new HttpRequestMessage(HttpMethod.Post, "/rpc/remote/Jobs/BreakAsync");
        sseRequest.Headers.Accept.ParseAdd("text/event-stream");
        var sse = await served.Client.SendAsync(sseRequest);

        ndjson.StatusCode.Should().Be(HttpStatusCode.OK);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n');
        lines.Should().HaveCount(3).And.HaveElementAt(0, "1").And.HaveElementAt(2, "");
        lines[1].Should().StartWith("error: {");
        AssertHiddenFailure(lines[1]["error: ".Length..]);

        var events = (await sse.Content.ReadAsStringAsync()).Split("\n\n");
        events.Should().HaveCount(3).And.HaveElementAt(0, "data: 1").And.HaveElementAt(2, "");
        events[1].Should().StartWith("event: error\ndata: {");
        AssertHiddenFailure(events[1]["event: error\ndata: ".Length..]);

        static void AssertHiddenFailure(string json)
        {
            json.Should().NotContain("ledger").And.NotContain("InvalidOperationException");
            using var problem = JsonDocument.Parse(json);
            problem.RootElement.GetProperty("status").GetInt32().Should().Be(500);
            var traceId = problem.RootElement.GetProperty("traceId").GetString();
            problem.RootElement.GetProperty("detail").GetString().Should().Be(
                $"The server failed to process the request. Quote the trace id '{traceId}' when you report it; the log has the details.");
        }
    }

    [Fact]
    public async Task Proxy_Throws504AndCancelsTheServersToken_WhenTheDeadlinePasses()
    {
        // One second, not less: on a loaded two-core machine a shorter deadline can pass before the server has even started the call.
        await using var pair = await RemotePair.StartAsync(clientConfiguration: new() { ["Sprig:Remotes:RequestTimeout"] = "00:00:01" });

        var act = () => pair.Client.Get<IJobs>().HoldAsync().WaitAsync(Bound);

        var error = (await act.Should().ThrowExactlyAsync<EndpointCallException>()).Which;
        error.Message.Should().Be(
            $"Calling 'remote/Jobs/HoldAsync' through HTTP {pair.Url} got no answer within 1 s (Sprig:Remotes:RequestTimeout). "
            + "The serving process may be overloaded or stuck; raise the timeout if the endpoint is slow.");
        error.StatusCode.Should().Be(504);
        pair.Signals.HoldEntered.Task.IsCompleted.Should().BeTrue();
        await pair.Signals.HoldCancelled.Task.WaitAsync(Bound);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task EndpointsInvokeAsync_Throws400_WhenTheRemoteEndpointStreams()
    {
        await using var pair = await RemotePair.StartAsync();

        var act = () => pair.Client.Endpoints.InvokeAsync("remote/Jobs/TickAsync", default);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(400);
        thrown.Message.Should().Be(
            $"Endpoint 'remote/Jobs/TickAsync' (through HTTP {pair.Url}) streams its results, so InvokeAsync cannot call it. "
            + "Call StreamAsync and enumerate the items, or make the contract method return IAsyncEnumerable<T>.");
    }

    [Fact]
    public async Task EndpointsStreamAsync_Throws400_WhenTheRemoteEndpointIsUnary()
    {
        await using var pair = await RemotePair.StartAsync();

        var act = async () =>
        {
            await foreach (var item in pair.Client.Endpoints.StreamAsync("remote/Calculator/NegateAsync", JsonSerializer.SerializeToElement(1)))
            {
                _ = item;
            }
        };

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(400);
        thrown.Message.Should().Be(
            $"Endpoint 'remote/Calculator/NegateAsync' (through HTTP {pair.Url}) returns a single result, so StreamAsync cannot call it. "
            + "Call InvokeAsync, or make the contract method return Task<T>.");
    }
}
