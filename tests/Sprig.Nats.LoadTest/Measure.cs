using System.Diagnostics;

namespace Sprig.Nats.LoadTest;

/// <summary>The measurements, each the same for the raw NATS.Net side and Sprig's side.</summary>
internal static class Measure
{
    /// <summary>Runs <paramref name="call"/> one at a time and returns the median latency in microseconds.</summary>
    public static async Task<double> MedianLatencyAsync(int calls, Func<Task> call)
    {
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return samples[calls / 2];
    }

    /// <summary>Runs <paramref name="calls"/> calls from <paramref name="concurrency"/> concurrent callers and returns calls per second.</summary>
    public static async Task<double> ThroughputAsync(int calls, int concurrency, Func<Task> call)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                await call();
            }
        }));
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Times one run of <paramref name="run"/>, which handles <paramref name="items"/> items, and returns items per second.</summary>
    public static async Task<double> RateAsync(int items, Func<Task> run)
    {
        var stopwatch = Stopwatch.StartNew();
        await run();
        return items / stopwatch.Elapsed.TotalSeconds;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
