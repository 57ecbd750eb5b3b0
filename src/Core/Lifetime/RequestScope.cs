using Microsoft.Extensions.DependencyInjection;
using Sprig.Diagnostics;

namespace Sprig.Lifetime;

/// <summary>
/// A request scope: one instance of each Request component, created on first use, destroyed with the scope in reverse order.
/// Safe to use from several threads.
/// </summary>
internal sealed class RequestScope : IServiceScope, IServiceProvider, IAsyncDisposable
{
    private readonly ApplicationContext _context;
    private readonly Lock _gate = new();
    private readonly object?[] _slots;
    private readonly DisposalList _disposals = new();
    private bool _disposed;

    public RequestScope(ApplicationContext context, int slots)
    {
        _context = context;
        _slots = slots == 0 ? [] : new object?[slots];
    }

    public IServiceProvider ServiceProvider => this;

    public object? GetService(Type serviceType) => _context.GetService(serviceType, this);

    public object GetOrCreate(ComponentEntry entry)
    {
        ThrowIfDisposed(entry);
        var existing = Volatile.Read(ref _slots[entry.RequestSlot]);
        if (existing is not null)
        {
            return existing;
        }

        lock (_gate)
        {
            ThrowIfDisposed(entry);
            if (_slots[entry.RequestSlot] is { } created)
            {
                return created;
            }

            var instance = entry.Create(this);
            _disposals.Add(entry, instance);
            Volatile.Write(ref _slots[entry.RequestSlot], instance);
            return instance;
        }
    }

    public void Track(ComponentEntry entry, object instance)
    {
        lock (_gate)
        {
            ThrowIfDisposed(entry);
            _disposals.Add(entry, instance);
        }
    }

    public void ThrowIfDisposed(ComponentEntry entry)
    {
        if (Volatile.Read(ref _disposed))
        {
            throw new ContainerException(Errors.ScopeDisposed(entry.Name), entry.Name, null);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
        }

        var problems = await _disposals.DestroyAllAsync().ConfigureAwait(false);
        ApplicationContext.ThrowProblems(problems, Errors.ShutdownProblems);
    }
}
