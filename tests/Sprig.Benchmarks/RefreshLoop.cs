using System.Diagnostics;
using System.Globalization;

namespace Sprig.Benchmarks;

/// <summary>
/// A process-level, side-by-side loop of case 8: Sprig's refresh and MS.DI's build + resolve all of the same N emitted
/// singletons, alternating, each build disposed before the next; with <c>--collect</c>, a full collection before each build
/// (as BenchmarkDotNet forces), otherwise the garbage collector runs when it needs to (as in a test suite). Prints medians.
/// </summary>
internal static class RefreshLoop
{
    public static void Run(int count, int rounds, bool collect)
    {
        var types = RefreshBenchmarks.AllTypes[..count];
        var sprig = new List<double>();
        var msdi = new List<double>();
        for (var round = -2; round < rounds; round++)
        {
            // Two rounds of warm-up each: the first reads every type, the second makes .NET emit its reflection invokers.
            var s = Time(() => RefreshBenchmarks.SprigRefresh(types), collect);
            var m = Time(() => RefreshBenchmarks.MsDiBuildAndResolveAll(types), collect);
            if (round >= 0)
            {
                sprig.Add(s);
                msdi.Add(m);
            }
        }

        var (sm, mm) = (Median(sprig), Median(msdi));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"refresh of {count:N0} singletons, {rounds} rounds each, full collection before each build: {(collect ? "yes" : "no")}; "
            + $"medians: Sprig {sm:F1} ms, MS.DI {mm:F1} ms, Sprig / MS.DI = {sm / mm:F2}"));
    }

    private static double Time(Func<IDisposable> build, bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        var stopwatch = Stopwatch.StartNew();
        var built = build();
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        built.Dispose();
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
