using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>A worker that runs at most four calls at once (Sprig:Nats:MaxConcurrency=4).</summary>
public sealed class FourAtOnceWorker : WorkerFixture
{
    protected override string[] Settings => ["Sprig:Nats:MaxConcurrency=4"];
}

/// <summary>Rule 2 — one process runs many calls at once, up to Sprig:Nats:MaxConcurrency; the rest wait, none is dropped.</summary>
public sealed class ConcurrencyTests(FourAtOnceWorker fixture) : IClassFixture<FourAtOnceWorker>
{
    private const int Calls = 16;
    private const int Limit = 4;

    [Fact]
    public async Task Worker_RunsFourCallsAtOnceAndQueuesTheRest_WhenSixteenArriveWithMaxConcurrencyFour()
    {
        var worker = fixture.Worker;
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        var hold = caller.Get<IHoldWorker>();

        var calls = Enumerable.Range(0, Calls).Select(_ => hold.Hold("sixteen")).ToList();

        // The held calls' gate stays shut, so a call beyond the fourth can only start if the limit lets it: each release lets
        // exactly one more start. Every held call prints how many calls of its gate were in flight when it started.
        for (var started = Limit; started <= Calls; started++)
        {
            await worker.Output.WaitForAsync(_ => worker.CountLines("STARTED sixteen ") >= started, $"{started} calls to have started", Deadlines.Line, worker.Describe);
            InFlightAtStarts(worker).Max().Should().Be(Limit, "at most {0} calls run at once and {0} are held\n{1}", Limit, worker.Describe());
            await worker.ReleaseAsync("sixteen", started == Calls ? Limit : 1);
        }

        var results = await Task.WhenAll(calls).Answer(worker);
        results.Select(r => r.Finished).Should().BeEquivalentTo(Enumerable.Range(1, Calls), "every call ran once and was answered\n{0}", worker.Describe());
        results.Should().AllSatisfy(r => r.ProcessId.Should().Be(worker.Pid));
        (await hold.Starts("sixteen").Answer(worker)).Should().Be(Calls, "no call was dropped or run twice");
        (await hold.Peak("sixteen").Answer(worker)).Should().Be(Limit, "never more than {0} ran at once\n{1}", Limit, worker.Describe());
    }

    private static IEnumerable<int> InFlightAtStarts(WorkerProcess worker) =>
        worker.Output.Lines.Where(l => l.StartsWith("STARTED sixteen ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[3]));
}
