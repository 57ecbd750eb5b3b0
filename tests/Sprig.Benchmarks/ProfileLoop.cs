using System.Diagnostics;
using System.Globalization;

namespace Sprig.Benchmarks;

/// <summary>
/// <c>--loop CASE SECONDS</c>: runs one case in a plain loop for a profiler to attach or sample (perf, dotnet-trace,
/// DOTNET_EnableEventPipe), then prints the operations per second, the bytes allocated per operation and the gen0 collections. Cases: scope-disposable, scope-descriptor,
/// scope-disposable-msdi, runner, runner-context, runner-msdi, graph, graph-msdi, properties, prototype,
/// refresh1k, refresh10k (Sprig's Refresh of the emitted singletons, disposed each time).
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string name, double seconds)
    {
        var resolution = new ResolutionBenchmarks();
        resolution.Setup();
        var runner = new ContextRunnerBenchmarks();
        Func<object?> operation = name switch
        {
            "scope-disposable" => resolution.DisposableScope_Sprig,
            "scope-descriptor" => resolution.DisposableScope_SprigDescriptor,
            "scope-disposable-msdi" => resolution.DisposableScope_MsDi,
            "runner" => runner.Runner_Sprig,
            "runner-context" => runner.Runner_SprigContext,
            "runner-msdi" => runner.Runner_MsDi,
            "graph" => resolution.Graph_Sprig,
            "graph-msdi" => resolution.Graph_MsDi,
            "properties" => resolution.Properties_Sprig,
            "prototype" => resolution.Prototype_Sprig,
            "refresh1k" => () => Refreshed(RefreshBenchmarks.AllTypes[..1_000]),
            "refresh10k" => () => Refreshed(RefreshBenchmarks.AllTypes),
            _ => throw new ArgumentException($"Unknown case '{name}'.", nameof(name)),
        };

        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 1_000 && warmUp.Elapsed.TotalSeconds < 2; i++)
        {
            _ = operation(); // warm-up: tier-1 code before the loop is measured
        }

        var batch = warmUp.Elapsed.TotalSeconds > 1 ? 1 : 100;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var stopwatch = Stopwatch.StartNew();
        var count = 0L;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < batch; i++)
            {
                _ = operation();
            }

            count += batch;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count / stopwatch.Elapsed.TotalSeconds:F0} op/s, {stopwatch.Elapsed.TotalMilliseconds * 1e6 / count:F0} ns/op, "
            + $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count:F0} B/op, {GC.CollectionCount(0) - collections} gen0 collections"));
        resolution.Cleanup();
    }

    // Refreshes and disposes at once, so that the loop measures refresh and shutdown without piling contexts up.
    private static ApplicationContext Refreshed(Type[] types)
    {
        using var context = RefreshBenchmarks.SprigRefresh(types);
        return context;
    }
}
