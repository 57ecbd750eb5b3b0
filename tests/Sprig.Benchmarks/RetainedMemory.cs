using System.Diagnostics;
using System.Globalization;

namespace Sprig.Benchmarks;

/// <summary>
/// Memory each container keeps per component after building N emitted singletons: <see cref="GC.GetTotalMemory(bool)"/> with
/// a full collection before and after, the container kept alive. Each container is measured in a fresh child process, after a
/// warm-up build over 200 other emitted types (so JIT and one-off static caches are not counted). The first build counts
/// everything it left reachable: the container's tables, the N instances (24–40 bytes each) and the runtime's reflection
/// caches for the N types. A second build over the same types, after the first is disposed, finds those reflection caches
/// filled, so it shows what the container itself holds.
/// </summary>
internal static class RetainedMemory
{
    private static readonly string[] ContainerNames = ["Sprig", "MsDi", "Grace", "Autofac"];

    /// <summary>Measures each container in its own process and prints a table.</summary>
    public static void RunAll(int count)
    {
        Console.WriteLine();
        Console.WriteLine($"// Retained memory after building {count:N0} singletons (GC.GetTotalMemory(true) after - before, one process per container)");
        Console.WriteLine("| container | first build: total | per component | second build (reflection caches warm): total | per component |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var name in ContainerNames)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            foreach (var argument in new[] { "--memory-one", name, count.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            process.WaitForExit();
            var first = long.Parse(output[0], CultureInfo.InvariantCulture);
            var second = long.Parse(output[1], CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {first / 1048576.0:F1} MB | {first / (double)count:F0} B | {second / 1048576.0:F1} MB | {second / (double)count:F0} B |");
        }
    }

    /// <summary>Measures one container in this process and prints the bytes retained by a first and a second build.</summary>
    public static void RunOne(string name, int count)
    {
        var warmUp = EmittedGraph.Create(200, "Sprig.Benchmarks.WarmUp", seed: 7);
        var types = EmittedGraph.Create(count);
        ((IDisposable)Build(name, warmUp)).Dispose();

        var first = Measure(name, types);
        var second = Measure(name, types);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first} {second}"));
    }

    private static long Measure(string name, Type[] types)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = Build(name, types);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        ((IDisposable)built).Dispose();
        return after - before;
    }

    private static object Build(string name, Type[] types) => name switch
    {
        "Sprig" => RefreshBenchmarks.SprigRefresh(types),
        "MsDi" => RefreshBenchmarks.MsDiBuildAndResolveAll(types),
        "Grace" => RefreshBenchmarks.GraceBuildAndResolveAll(types),
        "Autofac" => RefreshBenchmarks.AutofacBuildAndResolveAll(types),
        _ => throw new ArgumentException($"Unknown container '{name}'; use one of {string.Join(", ", ContainerNames)}.", nameof(name)),
    };
}
