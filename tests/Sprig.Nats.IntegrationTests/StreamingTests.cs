using System.Diagnostics;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>One worker with the default settings, shared by the tests of a class.</summary>
public sealed class SharedWorker : WorkerFixture
{
}

/// <summary>
/// Rule 3 — streaming IAsyncEnumerable&lt;T&gt; across processes: items arrive in order, and a slow caller holds the worker back
/// (flow control) instead of making it buffer without bound.
/// </summary>
public sealed class StreamingTests(SharedWorker fixture) : IClassFixture<SharedWorker>
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

        var consumed = 0;
        for (; consumed < 10; consumed++)
        {
            (await items.MoveNextAsync()).Should().BeTrue();
            items.Current.Should().Be(consumed);
        }

        // The caller stops reading. The producer runs on until flow control stops it: wait until its count stops growing.
        var produced = await ProducedWhenSettledAsync(stream, "slow-reader", fixture.Worker);
        (produced - consumed).Should().BeInRange(0, Window,
            "a caller that stops reading holds the worker back within a bounded window, not the whole stream of {0}\n{1}", Items, fixture.Worker.Describe());

        while (await items.MoveNextAsync())
        {
            items.Current.Should().Be(consumed++);
        }

        consumed.Should().Be(Items, "the held-back stream still delivers every item once reading resumes");
    }

    // The produced count has no event of its own; it is read until three reads in a row agree, or it passes the window (which
    // already fails the test). The reads go through the same transport, so they also show the worker still answers meanwhile.
    private static async Task<int> ProducedWhenSettledAsync(IStreamWorker stream, string tag, WorkerProcess worker)
    {
        var waited = Stopwatch.StartNew();
        var (last, same) = (-1, 0);
        while (waited.Elapsed < Deadlines.Line)
        {
            var now = await stream.Produced(tag).Answer(worker);
            (last, same) = now == last ? (now, same + 1) : (now, 0);
            if (same == 3 || now > Window * 2)
            {
                return now;
            }

            await Task.Delay(100);
        }

        return last;
    }
}
