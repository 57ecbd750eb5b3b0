using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Governance across real processes over a real nats-server: a caller's timeout cancels the call in the worker; a call whose
/// worker dies is retried on another worker only when it is idempotent; a circuit opens after failed calls, then refuses without
/// sending anything, and a probe to a started worker closes it; a fallback component of the caller answers a failed call; a
/// worker's concurrency limit refuses the call beyond it with 503 and Retry-After; a reloaded timeout applies to the next call.
/// </summary>
public sealed class GovernanceTests
{
    /// <summary>Far above the governance timeouts under test, so that an answer within the bound is never the transport's own deadline.</summary>
    private const string RequestTimeout = "Sprig:Nats:RequestTimeout=00:00:30";

    /// <summary>Heartbeats twice a second (both sides must agree): a dead worker is noticed after 1.5 s of silence.</summary>
    private const string Heartbeat = "Sprig:Nats:HeartbeatInterval=00:00:00.5";

    /// <summary>
    /// The contract's timeout: long enough for a call to reach a worker on a busy two-core machine (so that the worker starts it
    /// and sees its token fire), short enough for a test.
    /// </summary>
    private const int ContractTimeoutMs = 2000;

    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The calling side's view of the worker's "test/HoldWorker" (served by <see cref="HoldWorker"/> in the worker process),
    /// governed by the caller: its own attribute sets the timeout of calls this process makes.
    /// </summary>
    [ComponentContract("HoldWorker", Namespace = "test")]
    public interface IImpatientHoldWorker
    {
        /// <summary>Waits in the worker until its token fires; the caller gives it <see cref="ContractTimeoutMs"/>.</summary>
        [Governance(TimeoutMs = ContractTimeoutMs)]
        Task AwaitCancel(string tag, CancellationToken cancellationToken);
    }

    /// <summary>A contract nothing serves: its calls fail with 503, and the caller's <see cref="LastKnownQuotes"/> answers them.</summary>
    [ComponentContract("Quotes", Namespace = "test"), Fallback(typeof(LastKnownQuotes))]
    public interface IQuotes
    {
        Task<string> Quote(string sku);
    }

    /// <summary>The fallback of <see cref="IQuotes"/> in the calling process: same method, an answer only it gives.</summary>
    public sealed class LastKnownQuotes
    {
        public Task<string> Quote(string sku) => Task.FromResult($"last known price of {sku} (pid {Environment.ProcessId})");
    }

    /// <summary>
    /// A component of the calling process that takes <see cref="IQuotes"/> by constructor injection, as an application takes its
    /// remote contracts (refresh then reads the contract's governance).
    /// </summary>
    public sealed class QuoteBoard(IQuotes quotes)
    {
        public IQuotes Quotes => quotes;
    }

    [Fact]
    public async Task Call_Throws504AndTheWorkersTokenFires_WhenTheContractsTimeoutPasses()
    {
        const string Address = "test/HoldWorker/AwaitCancel";
        var source = GovernanceMessages.AttributeSource(ContractTimeoutMs, "GovernanceTests.IImpatientHoldWorker.AwaitCancel");
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats);
        await using var caller = await GovernedCaller.ConnectAsync(nats, null, RequestTimeout);

        // No component injects the contract: the proxy is made by Get, which reads the contract's [Governance] then.
        var call = caller.Context.Get<IImpatientHoldWorker>().AwaitCancel("gov-timeout", CancellationToken.None);

        var thrown = (await call.Invoking(c => c.WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.Message.Should().Be(GovernanceMessages.TimedOut(Address, ContractTimeoutMs, source));
        thrown.StatusCode.Should().Be(504);
        thrown.Address.Should().Be(Address);
        await worker.WaitForLineAsync("CANCELLED gov-timeout ");
        worker.CountLines("STARTED gov-timeout ").Should().Be(1, "a call that timed out may have run, so it is not retried\n{0}", worker.Describe());
        caller.GovernanceLog.Should().Equal(GovernanceMessages.TimedOutLog(Address, ContractTimeoutMs, source));
    }

    [Fact]
    public async Task NonIdempotentCall_Throws502AndRanOnce_WhenItsWorkerIsKilledMidCall()
    {
        const string Address = "test/HoldWorker/HoldOnce";
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A", "Production", Heartbeat);
        await using var b = await WorkerProcess.StartAsync(nats, "B", "Production", Heartbeat);
        await using var caller = await GovernedCaller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);
        var hold = caller.Context.Get<IHoldWorker>();

        var call = hold.HoldOnce("gov-once");
        var first = await WorkerProcess.FirstToPrintAsync("STARTED gov-once ", a, b);
        var other = first == a ? b : a;
        await first.KillAsync();

        // A retry would be held by the other worker's shut gate: it would show as a hang, not as a 502.
        var thrown = (await call.Invoking(c => c.WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.Message.Should().Be(Messages.RemoteDied(Address, Messages.Via(nats), Messages.Silent(HeartbeatInterval)));
        thrown.StatusCode.Should().Be(502);
        thrown.NotStarted.Should().BeFalse("the call started in the killed worker");
        (await hold.Starts("gov-once").Answer(other)).Should().Be(0, "a call that may have run is never run a second time\n{0}", other.Describe());
        (first.CountLines("STARTED gov-once ") + other.CountLines("STARTED gov-once ")).Should().Be(1, "the call ran once, in the killed worker");
        caller.GovernanceLog.Should().BeEmpty("governance retries a call that may have run only when it is idempotent");
    }

    [Fact]
    public async Task IdempotentCall_IsRetriedOnTheOtherWorkerAndSucceeds_WhenItsWorkerIsKilledMidCall()
    {
        const string Address = "test/HoldWorker/HoldIdempotent";
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A", "Production", Heartbeat);
        await using var b = await WorkerProcess.StartAsync(nats, "B", "Production", Heartbeat);
        await using var caller = await GovernedCaller.ConnectAsync(nats, null, RequestTimeout, Heartbeat);
        var hold = caller.Context.Get<IHoldWorker>();

        var call = hold.HoldIdempotent("gov-retried");
        var first = await WorkerProcess.FirstToPrintAsync("STARTED gov-retried ", a, b);
        var other = first == a ? b : a;
        await first.KillAsync();

        await other.WaitForLineAsync("STARTED gov-retried ");
        await other.ReleaseAsync("gov-retried");
        (await call.Answer(other)).Should().Be(other.Pid, "[Endpoint(Idempotent = true)] is retried, and the queue group gives the retry to the live worker");
        first.CountLines("STARTED gov-retried ").Should().Be(1);
        other.CountLines("STARTED gov-retried ").Should().Be(1, "the retry ran once on the remaining worker\n{0}", other.Describe());
        (await hold.Starts("gov-retried").Answer(other)).Should().Be(1);
        caller.GovernanceLog.Should().ContainSingle().Which.Should().Match(
            GovernanceMessages.Retrying(Address, 1, 3, 502, Messages.RemoteDied(Address, Messages.Via(nats), Messages.Silent(HeartbeatInterval))));
    }

    [Fact]
    public async Task Circuit_OpensAfterFailedCalls_RefusesWithoutSending_AndAProbeToAStartedWorkerClosesIt()
    {
        const string Address = "test/EchoWorker/Echo";
        await using var nats = await NatsServer.StartAsync();
        var noResponders = Messages.NoResponders(Address, Messages.Via(nats));
        var clock = new ManualClock();
        await using var caller = await GovernedCaller.ConnectAsync(nats, r => r.RegisterInstance("clock", clock),
            RequestTimeout, "Sprig:Governance:test:EchoWorker:Echo:BreakAfterFailures=3", "Sprig:Governance:test:EchoWorker:Echo:BreakForSeconds=1");
        var echo = caller.Context.Get<IEchoWorker>();

        // No worker: each call is tried four times (a call nobody received is always safe to retry), then fails with 503; the
        // breaker counts calls, not attempts. Its clock stands still, so the three failures fall in one sampling window however
        // busy the machine is.
        for (var i = 1; i <= 3; i++)
        {
            var failed = (await echo.Invoking(e => e.Echo($"failing {i}").WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
            failed.Message.Should().Be(noResponders);
            failed.StatusCode.Should().Be(503);
        }

        await using var tap = await SubjectTap.OpenAsync(nats, "sprig.test.echoworker.echo");
        var refused = (await echo.Invoking(e => e.Echo("refused").WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
        refused.Message.Should().Be(GovernanceMessages.CircuitOpen(Address, 3, 1));
        refused.StatusCode.Should().Be(503);
        refused.NotStarted.Should().BeTrue();
        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));

        await using var worker = await WorkerProcess.StartAsync(nats);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await echo.Echo("probe").Answer(worker)).Should().Be("probe", "after BreakForSeconds a probe call goes through, and the worker answers it");

        // The tap records the caller's requests in the order they were published: the probe is the first, so the refused call
        // never left the caller.
        var requests = await tap.WaitForAsync("probe");
        requests.Should().ContainSingle("an open circuit sends nothing; only the probe was published").Which.Should().Contain("\"probe\"");
        (await echo.Echo("closed").Answer(worker)).Should().Be("closed");
        var lastFailure = $"503: {noResponders}";
        caller.GovernanceLog.Where(l => !l.StartsWith("Retrying ", StringComparison.Ordinal)).Should().Equal(
            GovernanceMessages.BreakerOpened(Address, 1, 3, lastFailure),
            GovernanceMessages.BreakerHalfOpen(Address),
            GovernanceMessages.BreakerClosed(Address));
        caller.GovernanceLog.Where(l => l.StartsWith("Retrying ", StringComparison.Ordinal)).Should().HaveCount(9, "three failed calls, three retries each")
            .And.AllSatisfy(l => l.Should().Match(GovernanceMessages.Retrying(Address, null, 3, 503, noResponders)));
    }

    [Fact]
    public async Task Fallback_AnswersACallThatFailed_WhenNoWorkerServesTheContract()
    {
        const string Address = "test/Quotes/Quote";
        await using var nats = await NatsServer.StartAsync();
        await using var caller = await GovernedCaller.ConnectAsync(nats, r => r.Register<LastKnownQuotes>().Register<QuoteBoard>(), RequestTimeout);
        var noResponders = Messages.NoResponders(Address, Messages.Via(nats));

        var quote = await caller.Context.Get<QuoteBoard>().Quotes.Quote("sprig-1").WaitAsync(Deadlines.Call);

        quote.Should().Be($"last known price of sprig-1 (pid {Environment.ProcessId})", "the caller's own fallback component answered");
        caller.GovernanceLog.Should().HaveCount(4).And.EndWith(GovernanceMessages.FallbackUsed(Address, 503, "GovernanceTests.LastKnownQuotes", noResponders));
        caller.GovernanceLog.Take(3).Should().AllSatisfy(l => l.Should().Match(
            GovernanceMessages.Retrying(Address, null, 3, 503, noResponders)),
            "the remote call was really made, and retried, before the fallback answered");
    }

    [Fact]
    public async Task Fallback_AnswersACallThatFailed_WhenTheContractsProxyComesFromGet()
    {
        // The same contract as above, but no component of the caller injects it: the proxy comes from Get<IQuotes>(), and the
        // contract's [Fallback] (like its [Governance]) must govern its calls all the same.
        const string Address = "test/Quotes/Quote";
        await using var nats = await NatsServer.StartAsync();
        await using var caller = await GovernedCaller.ConnectAsync(nats, r => r.Register<LastKnownQuotes>(), RequestTimeout);
        var noResponders = Messages.NoResponders(Address, Messages.Via(nats));

        var quote = await caller.Context.Get<IQuotes>().Quote("sprig-2").Answer();

        quote.Should().Be($"last known price of sprig-2 (pid {Environment.ProcessId})", "Get<IQuotes>() gives a proxy governed as an injected one");
        caller.GovernanceLog.Should().HaveCount(4).And.EndWith(GovernanceMessages.FallbackUsed(Address, 503, "GovernanceTests.LastKnownQuotes", noResponders));
    }

    [Fact]
    public async Task Call_Throws503WithRetryAfter_WhenTheWorkersLimitIsFull_AndSucceedsAfterTheHeldCallEnds()
    {
        const string Address = "test/HoldWorker/Hold";
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats, "limited", "Production",
            "Sprig:Governance:Defaults:MaxConcurrency=1", "Sprig:Governance:Defaults:MaxQueue=-1");
        await using var caller = await GovernedCaller.ConnectAsync(nats, null, RequestTimeout, "Sprig:Governance:Defaults:Retries=-1");
        var hold = caller.Context.Get<IHoldWorker>();

        var held = hold.Hold("gov-limit");
        await worker.WaitForLineAsync("STARTED gov-limit ");

        var refused = (await hold.Invoking(h => h.Hold("gov-limit").WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
        refused.Message.Should().Be(Messages.RemoteFailed(Address, 503, GovernanceMessages.LimitReached(Address, 1, 0), Messages.Via(nats)));
        refused.StatusCode.Should().Be(503);
        refused.NotStarted.Should().BeTrue("the worker refused it before running it");
        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        worker.CountLines("STARTED gov-limit ").Should().Be(1, "the refused call never ran\n{0}", worker.Describe());

        await worker.ReleaseAsync("gov-limit");
        (await held.Answer(worker)).Finished.Should().Be(1);
        var next = hold.Hold("gov-limit");
        await worker.Output.WaitForAsync(_ => worker.CountLines("STARTED gov-limit ") == 2, "the next call to start", Deadlines.Line, worker.Describe);
        await worker.ReleaseAsync("gov-limit");
        (await next.Answer(worker)).Finished.Should().Be(2, "the slot is free again once the held call ended");
        (await hold.Starts("gov-limit").Answer(worker)).Should().Be(2);
    }

    [Fact]
    public async Task ReloadedTimeout_AppliesToTheNextCall_AndNotToTheCallInFlight()
    {
        const string Address = "test/HoldWorker/AwaitCancel";
        const string Key = "Sprig:Governance:test:HoldWorker:AwaitCancel:TimeoutMs";
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats);
        await using var caller = await GovernedCaller.ConnectAsync(nats, null, RequestTimeout, $"{Key}=60000");
        var hold = caller.Context.Get<IHoldWorker>();
        using var cancellation = new CancellationTokenSource();
        var before = hold.AwaitCancel("gov-reload-before", cancellation.Token);
        await worker.WaitForLineAsync("STARTED gov-reload-before ");

        caller.Reload($"{Key}=1000");

        var after = (await hold.Invoking(h => h.AwaitCancel("gov-reload-after", CancellationToken.None).WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>()).Which;
        after.Message.Should().Be(GovernanceMessages.TimedOut(Address, 1000, Key));
        after.StatusCode.Should().Be(504);

        before.IsCompleted.Should().BeFalse("the call in flight keeps the 60 s it started with");
        worker.CountLines("CANCELLED gov-reload-before ").Should().Be(0);
        await cancellation.CancelAsync();
        await before.Invoking(c => c.WaitAsync(Deadlines.Call)).Should().ThrowAsync<OperationCanceledException>("the test cancelled it");
        await worker.WaitForLineAsync("CANCELLED gov-reload-before ");
        caller.GovernanceLog.Should().Equal(
            $"Governance of {Address} changed after a configuration reload: TimeoutMs 1000 ({Key}), Retries 3, BreakAfterFailures 3, "
                + "BreakForSeconds 60, MaxConcurrency 50, MaxQueue 100.",
            GovernanceMessages.TimedOutLog(Address, 1000, Key));
    }
}
