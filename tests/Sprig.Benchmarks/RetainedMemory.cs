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

    /// <summary>The sizes <c>--memory</c> and <c>--short</c> measure: per-component retention should be flat from the first to the second.</summary>
    public static readonly int[] DefaultCounts = [1_000, 10_000];

    /// <summary>Measures each container at each size, each in its own process, and prints one table.</summary>
    public static void RunAll(params int[] counts)
    {
        Console.WriteLine();
        Console.WriteLine($"// Retained memory per component after building N singletons (GC.GetTotalMemory(true) after - before, one process per container and N)");
        Console.WriteLine("// first = first build (includes the N instances and the runtime's reflection caches); second = a second build over the same types (reflection caches warm)");
        var header = string.Join(" | ", counts.Select(c => $"N={c:N0} first | N={c:N0} second"));
        var ratio = counts.Length > 1 ? $" | first {counts[^1]:N0}/{counts[0]:N0} | second {counts[^1]:N0}/{counts[0]:N0}" : "";
        Console.WriteLine($"| container | {header}{ratio} |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|---:|", counts.Length))}{(counts.Length > 1 ? "---:|---:|" : "")}");
        foreach (var name in ContainerNames)
        {
            var perComponent = counts.Select(count => Child(name, count)).ToArray();
            var cells = string.Join(" | ", perComponent.Select(p => $"{p.First:F0} B ({p.FirstTotal / 1048576.0:F1} MB) | {p.Second:F0} B ({p.SecondTotal / 1048576.0:F1} MB)"));
            var ratios = counts.Length > 1
                ? $" | {perComponent[^1].First / perComponent[0].First:F2} | {perComponent[^1].Second / perComponent[0].Second:F2}"
                : "";
            Console.WriteLine($"| {name} | {cells}{ratios} |");
        }
    }

    private static (double First, double Second, long FirstTotal, long SecondTotal) Child(string name, int count)
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
        return (first / (double)count, second / (double)count, first, second);
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
