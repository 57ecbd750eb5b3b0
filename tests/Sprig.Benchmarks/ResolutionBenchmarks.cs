using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Benchmarks;

/// <summary>Resolution after refresh, Sprig side by side with Microsoft.Extensions.DependencyInjection on the same graph.</summary>
[MemoryDiagnoser]
public class ResolutionBenchmarks
{
    private ApplicationContext _sprig = null!;
    private ServiceProvider _msdi = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new PendingRegistry();
        registry.Register("Singleton1", typeof(Singleton1)).Register("Singleton2", typeof(Singleton2)).Register("Singleton3", typeof(Singleton3));
        foreach (var type in new[] { typeof(Leaf), typeof(Prototype1), typeof(Prototype2), typeof(Prototype3), typeof(Root) })
        {
            registry.Register(type);
        }

        _sprig = new ApplicationContext(registry, new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
        _sprig.Refresh();
        PrototypeScope.MakePrototypes(_sprig);

        var services = new ServiceCollection()
            .AddSingleton<ISingleton1, Singleton1>().AddSingleton<ISingleton2, Singleton2>().AddSingleton<ISingleton3, Singleton3>()
            .AddKeyedSingleton<ISingleton1, Singleton1>("Singleton1")
            .AddTransient<Leaf>().AddTransient<Prototype1>().AddTransient<Prototype2>().AddTransient<Prototype3>().AddTransient<Root>();
        _msdi = services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sprig.Dispose();
        _msdi.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("singleton")]
    public ISingleton1 Singleton_MsDi() => _msdi.GetRequiredService<ISingleton1>();

    [Benchmark, BenchmarkCategory("singleton")]
    public ISingleton1 Singleton_Sprig() => _sprig.Get<ISingleton1>();

    [Benchmark, BenchmarkCategory("name")]
    public ISingleton1 ByName_MsDiKeyed() => _msdi.GetRequiredKeyedService<ISingleton1>("Singleton1");

    [Benchmark, BenchmarkCategory("name")]
    public object ByName_Sprig() => _sprig.Get("Singleton1");

    [Benchmark, BenchmarkCategory("prototype")]
    public Leaf Prototype_MsDi() => _msdi.GetRequiredService<Leaf>();

    [Benchmark, BenchmarkCategory("prototype")]
    public Leaf Prototype_Sprig() => _sprig.Get<Leaf>();

    [Benchmark, BenchmarkCategory("graph")]
    public Root Graph_MsDi() => _msdi.GetRequiredService<Root>();

    [Benchmark, BenchmarkCategory("graph")]
    public Root Graph_Sprig() => _sprig.Get<Root>();
}
