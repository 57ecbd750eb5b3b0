namespace Sprig.Benchmarks;

/// <summary>A Request component (MS.DI scoped, Grace SingletonPerScope, Autofac InstancePerLifetimeScope).</summary>
[Component(Scope = Scope.Request)]
public sealed class RequestState
{
    public int Id { get; set; }
}

/// <summary>The service called through proxies.</summary>
public interface IWorker
{
    int Work(int x);
}

/// <summary>The target behind every proxy: a call does almost nothing, so the proxy's own cost shows.</summary>
public sealed class Worker : IWorker
{
    private int _calls;

    public int Work(int x) => x + ++_calls;
}

/// <summary>Holds a <see cref="LazyAttribute"/> proxy to <see cref="IWorker"/>.</summary>
public sealed class LazyWorkerHolder
{
    [Lazy] public IWorker Worker { get; set; } = null!;
}

/// <summary>
/// A disposable Request component, resolved through <see cref="Microsoft.Extensions.DependencyInjection.IServiceScopeFactory"/>
/// and disposed with its scope (case 6b; MS.DI and Sprig's descriptor path use <see cref="ScopedDisposable"/>).
/// </summary>
[Component(Scope = Scope.Request)]
public sealed class DisposableRequestState : IDisposable
{
    public int Disposed { get; private set; }

    public void Dispose() => Disposed++;
}

/// <summary>The same disposable class without attributes: MS.DI <c>AddScoped</c>, or a scoped <c>ServiceDescriptor</c> given to Sprig.</summary>
public sealed class ScopedDisposable : IDisposable
{
    public int Disposed { get; private set; }

    public void Dispose() => Disposed++;
}
