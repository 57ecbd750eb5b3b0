using Autofac;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Castle.DynamicProxy;
using Grace.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Benchmarks;

/// <summary>
/// Resolution after refresh: Sprig side by side with MS.DI, Grace and Autofac on the same graphs, one category per case of
/// issue 5. The baseline of each category is MS.DI; for the lazy proxy (which MS.DI does not have) it is a Castle
/// DynamicProxy pass-through interceptor.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ResolutionBenchmarks
{
    private const string Singleton = "1 singleton Get<T>()";
    private const string ByName = "2 Get(\"Name\")";
    private const string Prototype = "3 prototype";
    private const string Graph = "4 six-dependency graph";
    private const string Properties = "5 graph via properties";
    private const string RequestScope = "6 scope + Request + dispose";
    private const string LazyProxy = "7 lazy proxy call";
    private const string DisposableScope = "6b scope factory + disposable Request + dispose";

    private ApplicationContext _sprig = null!;
    private ServiceProvider _msdi = null!;
    private DependencyInjectionContainer _grace = null!;
    private Autofac.IContainer _autofac = null!;
    private ApplicationContext _sprigDescriptors = null!;
    private IServiceScopeFactory _msdiScopes = null!;
    private IServiceScopeFactory _sprigScopes = null!;
    private IServiceScopeFactory _sprigDescriptorScopes = null!;
    // CA1859: the direct call goes through the interface, as a consumer holding an IWorker makes it (no devirtualized inlining).
#pragma warning disable CA1859
    private IWorker _direct = null!;
#pragma warning restore CA1859
    private IWorker _castle = null!;
    private IWorker _sprigLazy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sprig = Containers.Sprig();
        _msdi = Containers.MsDi();
        _grace = Containers.Grace();
        _autofac = Containers.Autofac();
        _sprigDescriptors = Containers.SprigFromDescriptors();
        // Case 6b takes each container's IServiceScopeFactory as ASP.NET Core does (once, then CreateScope per request).
        _msdiScopes = _msdi.GetRequiredService<IServiceScopeFactory>();
        _sprigScopes = (IServiceScopeFactory)_sprig.GetService(typeof(IServiceScopeFactory))!;
        _sprigDescriptorScopes = (IServiceScopeFactory)_sprigDescriptors.GetService(typeof(IServiceScopeFactory))!;

        var worker = new Worker();
        _direct = worker;
        _castle = new ProxyGenerator().CreateInterfaceProxyWithTarget<IWorker>(worker, new PassThroughInterceptor());
        _sprigLazy = _sprig.Get<LazyWorkerHolder>().Worker;
        _ = _sprigLazy.Work(0); // the first call resolves the target; the case measures the calls after it
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sprig.Dispose();
        _sprigDescriptors.Dispose();
        _msdi.Dispose();
        _grace.Dispose();
        _autofac.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Singleton)]
    public ISingleton1 Singleton_MsDi() => _msdi.GetRequiredService<ISingleton1>();

    [Benchmark, BenchmarkCategory(Singleton)]
    public ISingleton1 Singleton_Sprig() => _sprig.Get<ISingleton1>();

    [Benchmark, BenchmarkCategory(Singleton)]
    public ISingleton1 Singleton_Grace() => _grace.Locate<ISingleton1>();

    [Benchmark, BenchmarkCategory(Singleton)]
    public ISingleton1 Singleton_Autofac() => _autofac.Resolve<ISingleton1>();

    [Benchmark(Baseline = true), BenchmarkCategory(ByName)]
    public ISingleton1 ByName_MsDiKeyed() => _msdi.GetRequiredKeyedService<ISingleton1>(Containers.SingletonName);

    [Benchmark, BenchmarkCategory(ByName)]
    public object ByName_Sprig() => _sprig.Get(Containers.SingletonName);

    [Benchmark, BenchmarkCategory(ByName)]
    public ISingleton1 ByName_GraceKeyed() => _grace.Locate<ISingleton1>(withKey: Containers.SingletonName);

    [Benchmark, BenchmarkCategory(ByName)]
    public ISingleton1 ByName_AutofacKeyed() => _autofac.ResolveKeyed<ISingleton1>(Containers.SingletonName);

    [Benchmark, BenchmarkCategory(Prototype)]
    public Leaf Prototype_New() => new();

    [Benchmark(Baseline = true), BenchmarkCategory(Prototype)]
    public Leaf Prototype_MsDi() => _msdi.GetRequiredService<Leaf>();

    [Benchmark, BenchmarkCategory(Prototype)]
    public Leaf Prototype_Sprig() => _sprig.Get<Leaf>();

    [Benchmark, BenchmarkCategory(Prototype)]
    public Leaf Prototype_Grace() => _grace.Locate<Leaf>();

    [Benchmark, BenchmarkCategory(Prototype)]
    public Leaf Prototype_Autofac() => _autofac.Resolve<Leaf>();

    [Benchmark(Baseline = true), BenchmarkCategory(Graph)]
    public Root Graph_MsDi() => _msdi.GetRequiredService<Root>();

    [Benchmark, BenchmarkCategory(Graph)]
    public Root Graph_Sprig() => _sprig.Get<Root>();

    [Benchmark, BenchmarkCategory(Graph)]
    public Root Graph_Grace() => _grace.Locate<Root>();

    [Benchmark, BenchmarkCategory(Graph)]
    public Root Graph_Autofac() => _autofac.Resolve<Root>();

    [Benchmark(Baseline = true), BenchmarkCategory(Properties)]
    public PropertyRoot Properties_MsDiFactory() => _msdi.GetRequiredService<PropertyRoot>();

    [Benchmark, BenchmarkCategory(Properties)]
    public PropertyRoot Properties_Sprig() => _sprig.Get<PropertyRoot>();

    [Benchmark, BenchmarkCategory(Properties)]
    public PropertyRoot Properties_Grace() => _grace.Locate<PropertyRoot>();

    [Benchmark, BenchmarkCategory(Properties)]
    public PropertyRoot Properties_Autofac() => _autofac.Resolve<PropertyRoot>();

    [Benchmark(Baseline = true), BenchmarkCategory(RequestScope)]
    public object Scope_MsDi()
    {
        using var scope = _msdi.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RequestState>();
    }

    [Benchmark, BenchmarkCategory(RequestScope)]
    public object? Scope_Sprig()
    {
        using var scope = _sprig.CreateScope();
        return scope.ServiceProvider.GetService(typeof(RequestState));
    }

    [Benchmark, BenchmarkCategory(RequestScope)]
    public object Scope_Grace()
    {
        using var scope = _grace.BeginLifetimeScope();
        return scope.Locate<RequestState>();
    }

    [Benchmark, BenchmarkCategory(RequestScope)]
    public object Scope_Autofac()
    {
        using var scope = _autofac.BeginLifetimeScope();
        return scope.Resolve<RequestState>();
    }

    // 6b: the case. Open a scope through IServiceScopeFactory, resolve a disposable scoped component through
    // scope.ServiceProvider.GetService(Type), dispose the scope (which disposes the component).
    [Benchmark(Baseline = true), BenchmarkCategory(DisposableScope)]
    public object? DisposableScope_MsDi()
    {
        using var scope = _msdiScopes.CreateScope();
        return scope.ServiceProvider.GetService(typeof(ScopedDisposable));
    }

    [Benchmark, BenchmarkCategory(DisposableScope)]
    public object? DisposableScope_Sprig()
    {
        using var scope = _sprigScopes.CreateScope();
        return scope.ServiceProvider.GetService(typeof(DisposableRequestState));
    }

    /// <summary>The same through ASP.NET Core's path: an <c>AddScoped</c> descriptor given to <see cref="SprigServiceProviderFactory"/>.</summary>
    [Benchmark, BenchmarkCategory(DisposableScope)]
    public object? DisposableScope_SprigDescriptor()
    {
        using var scope = _sprigDescriptorScopes.CreateScope();
        return scope.ServiceProvider.GetService(typeof(ScopedDisposable));
    }

    [Benchmark, BenchmarkCategory(DisposableScope)]
    public object DisposableScope_Grace()
    {
        using var scope = _grace.BeginLifetimeScope();
        return scope.Locate<ScopedDisposable>();
    }

    [Benchmark, BenchmarkCategory(LazyProxy)]
    public int Lazy_DirectCall() => _direct.Work(1);

    [Benchmark(Baseline = true), BenchmarkCategory(LazyProxy)]
    public int Lazy_CastlePassThrough() => _castle.Work(1);

    [Benchmark, BenchmarkCategory(LazyProxy)]
    public int Lazy_SprigProxy() => _sprigLazy.Work(1);
}
