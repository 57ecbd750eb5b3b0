using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>A worker in the Development environment, which sends the type and message of an endpoint's exception to callers.</summary>
public sealed class DevelopmentWorker : WorkerFixture
{
    protected override string Environment => "Development";
}

/// <summary>
/// Rule 6 — typed proxies end to end: a contract's Task, Task&lt;T&gt;, ValueTask&lt;T&gt; and IAsyncEnumerable&lt;T&gt; methods, called
/// through <c>Get&lt;IContract&gt;()</c> and through constructor injection, are served by another process; a local implementation wins.
/// </summary>
public sealed class TypedProxyTests(DevelopmentWorker fixture) : IClassFixture<DevelopmentWorker>
{
    [Fact]
    public async Task Proxy_ReturnsTheWorkersResult_ForTaskOfT()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        (await caller.Get<IEchoWorker>().Echo("héllo, wörld").Answer(fixture.Worker)).Should().Be("héllo, wörld");
    }

    [Fact]
    public async Task Proxy_ReturnsTheWorkersResult_ForValueTaskOfTWithACancellationToken()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var cancellation = new CancellationTokenSource();

        (await caller.Get<IEchoWorker>().Add(2, 40, cancellation.Token).Answer(fixture.Worker)).Should().Be(42);
    }

    [Fact]
    public async Task Proxy_CompletesAfterTheWorkerRanTheCall_ForTask()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        await caller.Get<IEchoWorker>().Touch("proxy-touch").Answer(fixture.Worker);

        // The worker prints the line before it answers, so it is in the pipe by now.
        await fixture.Worker.WaitForLineAsync("TOUCHED proxy-touch");
        fixture.Worker.CountLines("TOUCHED proxy-touch").Should().Be(1);
    }

    [Fact]
    public async Task Proxy_StreamsTheWorkersItems_ForIAsyncEnumerable()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var timeout = new CancellationTokenSource(Deadlines.Call);

        var items = new List<int>();
        await foreach (var item in caller.Get<IEchoWorker>().Count(5, timeout.Token))
        {
            items.Add(item);
        }

        items.Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public async Task Proxy_IsServedByTheWorkerProcess_WhenNoLocalComponentImplementsTheContract()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var echo = caller.Get<IEchoWorker>();

        echo.Should().NotBeOfType<EchoWorker>();
        echo.Should().BeSameAs(caller.Get<IEchoWorker>(), "a context has one proxy per contract");
        (await echo.WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid).And.NotBe(Environment.ProcessId);
    }

    [Fact]
    public async Task InjectedContract_CallsTheWorkerProcess_WhenNoLocalComponentImplementsIt()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, r => r.Register<EchoClient>());

        var client = caller.Get<EchoClient>();

        (await client.GreetAsync("sprig").Answer(fixture.Worker)).Should().Be("hello sprig");
        (await client.Worker.WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
        client.Worker.Should().BeSameAs(caller.Get<IEchoWorker>(), "injection and Get share the context's proxy");
    }

    [Fact]
    public async Task InjectedAndLazyMembers_CallTheWorkerProcess_WhenNoLocalComponentImplementsTheContract()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, r => r.Register<MemberEchoClient>());

        var client = caller.Get<MemberEchoClient>();

        (await client.Injected.WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
        (await client.Deferred.Echo("later").Answer(fixture.Worker)).Should().Be("later");
    }

    [Fact]
    public async Task Catalog_CallsTheWorkerProcess_WhenNoLocalComponentServesTheAddress()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var sum = await caller.Endpoints.InvokeAsync("test/EchoWorker/Add", Caller.Arguments(new { a = 2, b = 3 })).Answer(fixture.Worker);
        var none = await caller.Endpoints.InvokeAsync("test/EchoWorker/Touch", Caller.Json("\"catalog-touch\"")).Answer(fixture.Worker);

        sum.GetInt32().Should().Be(5);
        none.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Undefined, "a Task endpoint has no result");
        await fixture.Worker.WaitForLineAsync("TOUCHED catalog-touch");
    }

    [Fact]
    public async Task Contract_IsTheLocalComponent_WhenThisProcessImplementsIt()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, r => r.Register<EchoWorker>().Register<EchoClient>());

        caller.Get<IEchoWorker>().Should().BeOfType<EchoWorker>();
        caller.Get<EchoClient>().Worker.Should().BeSameAs(caller.Get<EchoWorker>());
        (await caller.Get<IEchoWorker>().WhoAmI()).Should().Be(Environment.ProcessId, "a local implementation wins over the transport");
    }

    [Fact]
    public async Task Proxy_Throws500WithTheRemoteTypeAndMessage_WhenTheEndpointThrowsInDevelopment()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Get<IEchoWorker>().Invoking(e => e.Fail("the disk is full").WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>();

        thrown.WithMessage(Messages.RemoteFailed(
            "test/EchoWorker/Fail", 500, Messages.RemoteThrew("test/EchoWorker/Fail", "System.InvalidOperationException", "the disk is full"), Messages.Via(fixture.Server)));
        thrown.Which.StatusCode.Should().Be(500);
        thrown.Which.Address.Should().Be("test/EchoWorker/Fail");
        thrown.Which.RemoteExceptionType.Should().Be("System.InvalidOperationException");
        thrown.Which.Message.Should().NotContain(" at ", "a stack trace never travels");
    }
}
