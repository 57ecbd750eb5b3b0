using System.Diagnostics;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Rule 5 — faults a caller can rely on: nothing serving an address is a 503 at once; a worker killed (SIGKILL) mid-stream is a
/// 502 within seconds, never a silent end; a killed unary call is retried elsewhere only when it is idempotent, else 502 and
/// never run twice; a restarted nats-server is reconnected to without restarting the worker.
/// </summary>
public sealed class FaultTests
{
    /// <summary>Far above what the tests allow, so that an answer within the bound cannot be the request timeout.</summary>
    private const string RequestTimeout = "Sprig:Nats:RequestTimeout=00:00:30";

    /// <summary>Heartbeats twice a second (both sides must agree): a dead worker is noticed after 1.5 s of silence.</summary>
    private const string Heartbeat = "Sprig:Nats:HeartbeatInterval=00:00:00.5";

    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>"At once" for a 503, measured only as an upper bound: far below the 30 s request timeout.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    /// <summary>"Within a few seconds" for a dead worker: 1.5 s of silence, plus slack for a busy machine.</summary>
    private static readonly TimeSpan AFewSeconds = TimeSpan.FromSeconds(5);

    /// <summary>How long a test waits for a failure that must come within seconds: past it, the test fails instead of waiting for 30 s.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Call_Throws503AtOnce_WhenNothingServesTheAddress()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);

        var clock = Stopwatch.StartNew();
        var thrown = await caller.Get<IEchoWorker>().Invoking(e => e.Echo("anyone?").WaitAsync(Bound)).Should().ThrowAsync<EndpointCallException>();
        clock.Elapsed.Should().BeLessThan(AtOnce, "'no responders' is the server's answer, not a 30 s timeout");

        thrown.WithMessage(Messages.NoResponders("test/EchoWorker/Echo", Messages.Via(nats)));
        thrown.Which.StatusCode.Should().Be(503);
        thrown.Which.Address.Should().Be("test/EchoWorker/Echo");
    }

    [Fact]
    public async Task Stream_Throws503AtOnce_WhenNothingServesTheAddress()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);

        var clock = Stopwatch.StartNew();
        var read = async () =>
        {
            await foreach (var _ in caller.Endpoints.StreamAsync("test/StreamWorker/Produce", Caller.Arguments(new { tag = "nobody", count = 3 })))
            {
            }
        };
        var thrown = await read.Invoking(r => r().WaitAsync(Bound)).Should().ThrowAsync<EndpointCallException>();
        clock.Elapsed.Should().BeLessThan(AtOnce, "'no responders' is the server's answer, not a 30 s timeout");

        thrown.WithMessage(Messages.NoResponders("test/StreamWorker/Produce", Messages.Via(nats)));
        thrown.Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Stream_Throws502WithinSeconds_WhenTheWorkerIsKilledMidStream()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats, "worker", "Production", Heartbeat);
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);
        await using var items = caller.Get<IHoldWorker>().StreamThenAwaitCancel("killed-stream", 3, CancellationToken.None).GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            (await items.MoveNextAsync().Answer(worker)).Should().BeTrue();
        }

        await worker.WaitForLineAsync("STARTED killed-stream ");
        var next = items.MoveNextAsync().AsTask();
        await worker.KillAsync();
        var clock = Stopwatch.StartNew();

        var thrown = await next.Invoking(n => n.WaitAsync(Bound)).Should().ThrowAsync<EndpointCallException>("a dead worker never looks like the end of the stream");
        clock.Elapsed.Should().BeLessThan(AFewSeconds, "heartbeats reveal the dead worker, not the request timeout");

        thrown.WithMessage(Messages.RemoteDied("test/HoldWorker/StreamThenAwaitCancel", Messages.Via(nats), Messages.Silent(HeartbeatInterval)));
        thrown.Which.StatusCode.Should().Be(502);
        thrown.Which.Address.Should().Be("test/HoldWorker/StreamThenAwaitCancel");
    }

    [Fact]
    public async Task IdempotentCall_CompletesOnTheOtherWorker_WhenItsWorkerIsKilledMidCall()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A", "Production", Heartbeat);
        await using var b = await WorkerProcess.StartAsync(nats, "B", "Production", Heartbeat);
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);

        var call = caller.Get<IHoldWorker>().HoldIdempotent("retried");
        var first = await WorkerProcess.FirstToPrintAsync("STARTED retried ", a, b);
        var other = first == a ? b : a;
        await first.KillAsync();
        var clock = Stopwatch.StartNew();

        await other.WaitForLineAsync("STARTED retried ");
        clock.Elapsed.Should().BeLessThan(AFewSeconds, "the lost call is noticed by heartbeats, not by the request timeout\n{0}", other.Describe());
        await other.ReleaseAsync("retried");
        (await call.Answer(other)).Should().Be(other.Pid, "[Endpoint(Idempotent = true)] is retried on another instance\n{0}", other.Describe());
        other.CountLines("STARTED retried ").Should().Be(1, "the retry ran once on the remaining worker");
    }

    [Fact]
    public async Task NonIdempotentCall_Throws502AndIsNotRunAgain_WhenItsWorkerIsKilledMidCall()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A", "Production", Heartbeat);
        await using var b = await WorkerProcess.StartAsync(nats, "B", "Production", Heartbeat);
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);
        var hold = caller.Get<IHoldWorker>();

        var call = hold.HoldOnce("once");
        var first = await WorkerProcess.FirstToPrintAsync("STARTED once ", a, b);
        var other = first == a ? b : a;
        await first.KillAsync();
        var clock = Stopwatch.StartNew();

        // A retry would be held by the other worker's shut gate, so it would show as a hang here, not as a 502.
        var thrown = await call.Invoking(c => c.WaitAsync(Bound)).Should().ThrowAsync<EndpointCallException>();
        clock.Elapsed.Should().BeLessThan(AFewSeconds, "the lost call is noticed by heartbeats, not by the request timeout");
        thrown.WithMessage(Messages.RemoteDied("test/HoldWorker/HoldOnce", Messages.Via(nats), Messages.Silent(HeartbeatInterval)));
        thrown.Which.StatusCode.Should().Be(502);

        (await hold.Starts("once").Answer(other)).Should().Be(0, "a call that may have run is never run a second time\n{0}", other.Describe());
        other.CountLines("STARTED once ").Should().Be(0);
    }

    [Fact]
    public async Task Calls_WorkAgainWithoutRestartingTheWorker_WhenTheNatsServerRestarts()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats, "worker", "Production", Heartbeat);
        await using var caller = await Caller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);
        var echo = caller.Get<IEchoWorker>();
        (await echo.Echo("before").Answer(worker)).Should().Be("before");

        await nats.RestartAsync();

        // Both clients reconnect on their own (with back-off), and the worker subscribes again: no event says when, so ask.
        var after = await Eventually.SucceedsAsync(() => echo.Echo("after"), "calls to work after nats-server restarted", () => $"{worker.Describe()}\n{nats}", TimeSpan.FromSeconds(30));
        after.Should().Be("after");
        (await echo.WhoAmI().Answer(worker)).Should().Be(worker.Pid, "the same worker process serves again");
        worker.HasExited.Should().BeFalse();
        worker.CountLines("READY ").Should().Be(1, "the worker was not restarted");
    }
}
