using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Benchmarks.Runner;
using Sprig.Testing;

namespace Sprig.Benchmarks;

/// <summary>
/// Case 9, a test suite's cost: one <see cref="ContextRunner"/> run over 20 singletons (build the runner, refresh a private
/// context, resolve every component in the assertions, shut down) against MS.DI building the same container (ServiceCollection,
/// BuildServiceProvider, resolve every service, dispose). One operation is one run: the 200 runs cost 200 times it.
/// <c>Runner_SprigContext</c> is the same context without the runner (no in-memory configuration), to separate their costs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
// More warm-up and measured iterations than ShortRun's 3 + 3: a run builds a whole container, so tiered JIT and gen-0/gen-1
// collections move a 150 ms iteration by tens of percent; with 3 iterations the MS.DI baseline varied 30-120 us between runs.
[WarmupCount(8)]
[IterationCount(9)]
public class ContextRunnerBenchmarks
{
    private const string Runner = "9 ContextRunner run, 20 components";

    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();

    private object? _last;

    [Benchmark(Baseline = true), BenchmarkCategory(Runner)]
    public object? Runner_MsDi()
    {
        var services = new ServiceCollection();
        foreach (var (service, implementation) in RunnerGraph.Components)
        {
            services.AddSingleton(service, implementation);
        }

        using var provider = services.BuildServiceProvider();
        ResolveAll(provider);
        return _last;
    }

    [Benchmark, BenchmarkCategory(Runner)]
    public object? Runner_Sprig()
    {
        new ContextRunner().WithComponents(RunnerGraph.Implementations).Run(ResolveAll);
        return _last;
    }

    [Benchmark, BenchmarkCategory(Runner)]
    public object? Runner_SprigContext()
    {
        var registry = new PendingRegistry();
        foreach (var type in RunnerGraph.Implementations)
        {
            registry.Register(type);
        }

        using var context = new ApplicationContext(registry, EmptyConfiguration, NullLoggerFactory.Instance);
        context.Refresh();
        ResolveAll(context);
        return _last;
    }

    private void ResolveAll(IServiceProvider provider)
    {
        foreach (var service in RunnerGraph.Services)
        {
            _last = provider.GetService(service) ?? throw new InvalidOperationException($"{service} not resolved");
        }
    }
}
