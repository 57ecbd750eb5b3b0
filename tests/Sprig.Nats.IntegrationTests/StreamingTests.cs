using System.Diagnostics;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>One worker with the default settings, shared by the tests of a class.</summary>
public sealed class SharedWorker : WorkerFixture
{
}

/// <summary>A shared worker that logs (Debug) when flow control holds a stream back, so a test can wait for it.</summary>
public sealed class StreamingWorker : WorkerFixture
{
    protected override string[] Settings => ["Logging:LogLevel:Sprig.Nats=Debug"];
}

/// <summary>
/// Rule 3 — streaming IAsyncEnumerable&lt;T&gt; across processes: items arrive in order, and a slow caller holds the worker back
/// (flow control) instead of making it buffer without bound.
/// </summary>
public sealed class StreamingTests(StreamingWorker fixture) : IClassFixture<StreamingWorker>
{
    private const int Items = 10_000;

    /// <summary>How far the producer may run ahead of the consumer: the transport's window(s) in flight, not the whole stream.</summary>
    private const int Window = 1_000;

    [Fact]
    public async Task Stream_DeliversTenThousandItemsInOrder_AcrossProcesses()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var timeout = new CancellationTokenSource(Deadlines.Call);

        var items = new List<int>(Items);
        await foreach (var item in caller.Get<IStreamWorker>().Produce("in-order", Items).WithCancellation(timeout.Token))
        {
            items.Add(item);
        }

        items.Should().Equal(Enumerable.Range(0, Items), "every item arrives once, in order\n{0}", fixture.Worker.Describe());
    }

    [Fact]
    public async Task Stream_DeliversTenThousandItemsInOrder_ThroughTheCatalog()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var timeout = new CancellationTokenSource(Deadlines.Call);

        var items = new List<int>(Items);
        await foreach (var item in caller.Endpoints.StreamAsync("test/StreamWorker/Produce", Caller.Arguments(new { tag = "catalog", count = Items }), timeout.Token))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(0, Items), "every item arrives once, in order\n{0}", fixture.Worker.Describe());
    }

    [Fact]
    public async Task Stream_KeepsTheWorkerWithinAWindow_WhenTheCallerReadsSlowly()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        var stream = caller.Get<IStreamWorker>();
        using var timeout = new CancellationTokenSource(Deadlines.Call);
        await using var items = stream.Produce("slow-reader", Items).GetAsyncEnumerator(timeout.Token);

        var heldBefore = HeldLines(fixture.Worker);
        var consumed = 0;
        for (; consumed < 10; consumed++)
        {
            (await items.MoveNextAsync()).Should().BeTrue();
            items.Current.Should().Be(consumed);
        }

        // The caller stops reading. The producer runs on until flow control stops it, which the worker logs; from then on its
        // count no longer grows.
        var produced = await ProducedWhenHeldAsync(stream, "slow-reader", fixture.Worker, heldBefore);
        (produced - consumed).Should().BeInRange(0, Window,
            "a caller that stops reading holds the worker back within a bounded window, not the whole stream of {0}\n{1}", Items, fixture.Worker.Describe());

        while (await items.MoveNextAsync())
        {
            items.Current.Should().Be(consumed++);
        }

        consumed.Should().Be(Items, "the held-back stream still delivers every item once reading resumes");
    }

    private const string Held = "Stream test/StreamWorker/Produce waits for its caller";

    private static int HeldLines(WorkerProcess worker) => worker.Output.Count(l => l.Contains(Held, StringComparison.Ordinal));

    // Waits for the worker's log line saying flow control stopped the stream (the first one after <paramref name="before"/>),
    // then reads how many items the producer made; the read goes through the same transport, so it also shows the worker
    // still answers while a stream is held back.
    private static async Task<int> ProducedWhenHeldAsync(IStreamWorker stream, string tag, WorkerProcess worker, int before)
    {
        var seen = 0;
        await worker.Output.WaitForAsync(l => l.Contains(Held, StringComparison.Ordinal) && ++seen > before, "flow control holding the stream back", Deadlines.Line, worker.Describe);
        return await stream.Produced(tag).Answer(worker);
    }
}
