using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Sprig.Benchmarks;

/// <summary>
/// The same refresh as <see cref="RefreshBenchmarks"/>, repeated as a test suite repeats it: without the full collection that
/// BenchmarkDotNet forces before each iteration by default. Sprig keeps what it read from each class's metadata until the next
/// full collection (TypeScan), so this is the case that cache serves; <see cref="RefreshBenchmarks"/> shows a refresh after one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[WarmupCount(1)]
[GcForce(false)]
public class RepeatedRefreshBenchmarks
{
    private const string Repeated = "8b refresh N singletons, repeated (no forced full GC)";

    private Type[] _types = null!;
    private IDisposable? _built;

    /// <summary>Gets or sets the number of singletons.</summary>
    [Params(1_000, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _types = RefreshBenchmarks.AllTypes[..N];

    [IterationCleanup]
    public void DisposeBuilt()
    {
        _built?.Dispose();
        _built = null;
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Repeated)]
    public object Repeated_MsDi() => _built = RefreshBenchmarks.MsDiBuildAndResolveAll(_types);

    [Benchmark, BenchmarkCategory(Repeated)]
    public object Repeated_Sprig() => _built = RefreshBenchmarks.SprigRefresh(_types);
}
