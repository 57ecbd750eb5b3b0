using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>Shutdown stops taking calls, lets those in flight finish within the drain timeout, then cancels the rest.</summary>
public sealed class DrainTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Shutdown_LetsACallInFlightFinish_ThenNothingServes()
    {
        var probe = new Probe();
        var server = await Contexts.ServerAsync(nats.Url, probe);
        await using var client = await Contexts.ClientAsync(nats.Url);
        var transport = client.Get<NatsTransport>();
        var call = transport.InvokeAsync(new RemoteCall("nt", "Calc", "Slow", default), CancellationToken.None);
        await probe.Started.Task.WaitAsync(Bound);

        var shutdown = server.ShutdownAsync();
        probe.Release.SetResult();

        (await call.WaitAsync(Bound)).GetInt32().Should().Be(1);
        await shutdown.WaitAsync(Bound);
        await server.DisposeAsync();
        var after = () => transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 1, b = 1 })), CancellationToken.None);
        (await after.Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Shutdown_CancelsACallStillRunningAfterTheDrainTimeout()
    {
        var probe = new Probe();
        await using var server = await Contexts.ServerAsync(nats.Url, probe, ("Sprig:Nats:DrainTimeout", "00:00:00.200"));
        await using var client = await Contexts.ClientAsync(nats.Url);
        var call = client.Get<NatsTransport>().InvokeAsync(new RemoteCall("nt", "Calc", "Slow", default), CancellationToken.None);
        await probe.Started.Task.WaitAsync(Bound);

        await server.ShutdownAsync().WaitAsync(Bound);

        var thrown = (await ((Func<Task>)(() => call)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(503);
        thrown.Message.Should().Be(
            $"Calling 'nt/Calc/Slow' through NATS {nats.Url} failed (503): The process serving 'nt/Calc/Slow' is shutting down and did not "
            + "finish the call within Sprig:Nats:DrainTimeout.");
        await probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Shutdown_SendsAQueuedCallToAnotherInstance_BecauseItNeverStarted()
    {
        // A runs one call at a time: Slow holds it, so the non-idempotent Add waits in A's queue when A shuts down.
        var first = new Probe();
        await using var a = await Contexts.ServerAsync(nats.Url, first, ("Sprig:Nats:MaxConcurrency", "1"), ("Sprig:Nats:DrainTimeout", "00:00:00.200"));
        await using var client = await Contexts.ClientAsync(nats.Url);
        var transport = client.Get<NatsTransport>();
        var slow = transport.InvokeAsync(new RemoteCall("nt", "Calc", "Slow", default), CancellationToken.None);
        await first.Started.Task.WaitAsync(Bound);
        // Through the context, so governance retries the call that A refused unstarted (the transport makes one attempt).
        var queued = client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 1, b = 1 }));
        await UntilAsync(() => a.Get<NatsTransport>().QueuedCalls == 1);
        await using var b = await Contexts.ServerAsync(nats.Url, new Probe());

        await a.ShutdownAsync().WaitAsync(Bound);

        (await queued.WaitAsync(Bound)).GetInt32().Should().Be(2, "A refused the queued call unstarted, so B ran it");
        (await ((Func<Task>)(() => slow)).Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(503, "Slow had started on A");
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition must come true");
            await Task.Yield();
        }
    }
}
