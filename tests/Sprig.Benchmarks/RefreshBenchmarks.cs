using Autofac;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Grace.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Benchmarks;

/// <summary>
/// Start-up: Sprig's <see cref="ApplicationContext.Refresh"/> of N emitted singletons in a DAG (validation, planning, eager
/// creation) against each peer building its container and resolving every singleton once. Each invocation builds a new
/// container; the previous one is disposed outside the measurement.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
// One warm-up invocation: an operation takes 10 ms to 7 s, and BenchmarkDotNet's jitting invocation has already run it once.
[WarmupCount(1)]
public class RefreshBenchmarks
{
    private const string Refresh = "8 refresh N singletons";

    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();
    private static Type[]? s_allTypes;

    private Type[] _types = null!;
    private IDisposable? _built;

    /// <summary>Gets or sets the number of singletons.</summary>
    [Params(1_000, 10_000)]
    public int N { get; set; }

    /// <summary>Gets the emitted types, made once per process (emitting 10,000 types takes a few seconds).</summary>
    public static Type[] AllTypes => s_allTypes ??= EmittedGraph.Create(10_000);

    [GlobalSetup]
    public void Setup() => _types = AllTypes[..N];

    [IterationCleanup]
    public void DisposeBuilt()
    {
        _built?.Dispose();
        _built = null;
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Refresh)]
    public object Refresh_MsDi() => _built = MsDiBuildAndResolveAll(_types);

    [Benchmark, BenchmarkCategory(Refresh)]
    public object Refresh_Sprig() => _built = SprigRefresh(_types);

    [Benchmark, BenchmarkCategory(Refresh)]
    public object Refresh_Grace() => _built = GraceBuildAndResolveAll(_types);

    [Benchmark, BenchmarkCategory(Refresh)]
    public object Refresh_Autofac() => _built = AutofacBuildAndResolveAll(_types);

    internal static ApplicationContext SprigRefresh(Type[] types)
    {
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        var context = new ApplicationContext(registry, EmptyConfiguration, NullLoggerFactory.Instance);
        context.Refresh(); // creates every singleton, dependencies first
        return context;
    }

    internal static ServiceProvider MsDiBuildAndResolveAll(Type[] types)
    {
        var services = new ServiceCollection();
        foreach (var type in types)
        {
            services.AddSingleton(type);
        }

        var provider = services.BuildServiceProvider();
        foreach (var type in types)
        {
            _ = provider.GetRequiredService(type);
        }

        return provider;
    }

    internal static DependencyInjectionContainer GraceBuildAndResolveAll(Type[] types)
    {
        var container = new DependencyInjectionContainer();
        container.Configure(c =>
        {
            foreach (var type in types)
            {
                c.Export(type).Lifestyle.Singleton();
            }
        });
        foreach (var type in types)
        {
            _ = container.Locate(type);
        }

        return container;
    }

    internal static Autofac.IContainer AutofacBuildAndResolveAll(Type[] types)
    {
        var builder = new ContainerBuilder();
        foreach (var type in types)
        {
            builder.RegisterType(type).SingleInstance();
        }

        var container = builder.Build();
        foreach (var type in types)
        {
            _ = container.Resolve(type);
        }

        return container;
    }
}
