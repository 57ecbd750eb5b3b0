using Microsoft.Extensions.DependencyInjection;
using Sprig.Diagnostics;

namespace Sprig.Lifetime;

/// <summary>
/// A request scope: one instance of each Request component, created on first use, destroyed with the scope in reverse order.
/// Safe to use from several threads.
/// </summary>
internal sealed class RequestScope : IServiceScope, IServiceProvider, IKeyedServiceProvider, ISupportRequiredService, IAsyncDisposable
{
    private readonly ApplicationContext _context;
    private readonly object _gate;
    private readonly object?[] _slots;
    private readonly DisposalList _disposals;
    private Dictionary<ComponentEntry, object>? _dynamic;
    private bool _disposed;

    public RequestScope(ApplicationContext context, int slots, DisposalList? disposals = null)
    {
        _context = context;
        _slots = slots == 0 ? [] : new object?[slots];
        _disposals = disposals ?? new DisposalList();

        // A request scope's own disposal list is its lock too (one object fewer per scope); it was a separate object, with the same
        // holders: creating a Request component and tracking a prototype of this scope wait for each other. The root scope shares the context's
        // list of singletons, which every singleton creation locks: it gets a lock of its own, so the two never wait on each other.
        _gate = disposals is null ? _disposals : new object();
    }

    /// <summary>Gets the context that created the scope.</summary>
    public ApplicationContext Context => _context;

    public IServiceProvider ServiceProvider => IsRoot ? _context : this;

    /// <summary>Gets whether this is the root scope, where Scoped service descriptors resolved from the context live.</summary>
    public bool IsRoot { get; init; }

    /// <summary>Returns the provider a component created in <paramref name="scope"/> receives as its <see cref="IServiceProvider"/>.</summary>
    public static IServiceProvider ProviderFor(RequestScope? scope, ApplicationContext context) =>
        scope is null || scope.IsRoot ? context : scope;

    public object? GetService(Type serviceType) => _context.GetService(serviceType, this);

    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType) ?? throw new InvalidOperationException(Errors.NoComponentOfType(serviceType));

    public object? GetKeyedService(Type serviceType, object? serviceKey) => _context.GetKeyedService(serviceType, serviceKey, this);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        _context.GetKeyedService(serviceType, serviceKey, this)
        ?? throw new InvalidOperationException(Errors.NoKeyedService(serviceType, serviceKey));

    public object GetOrCreate(ComponentEntry entry)
    {
        ThrowIfDisposed(entry);
        if (entry.RequestSlot < 0)
        {
            return GetOrCreateDynamic(entry);
        }

        var existing = Volatile.Read(ref _slots[entry.RequestSlot]);
        if (existing is not null)
        {
            return existing;
        }

        // The root scope is shared by every thread: like a singleton, each component is created under its own lock, so that
        // creating one never waits on the creation of another (a scope-wide lock could deadlock against a singleton's).
        lock (IsRoot ? entry : _gate)
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

    // Components closed from open generic registrations after refresh have no slot: they live in a small dictionary.
    private object GetOrCreateDynamic(ComponentEntry entry)
    {
        lock (_gate)
        {
            ThrowIfDisposed(entry);
            _dynamic ??= [];
            if (_dynamic.TryGetValue(entry, out var existing))
            {
                return existing;
            }

            var instance = entry.Create(this);
            _disposals.Add(entry, instance);
            _dynamic[entry] = instance;
            return instance;
        }
    }

    public void Track(ComponentEntry entry, object instance)
    {
        // Tracked first, so that an instance created while the scope is being disposed is destroyed (DisposalList destroys a
        // late instance at once) rather than leaked; then the caller learns that the scope is gone.
        _disposals.Add(entry, instance);
        ThrowIfDisposed(entry);
    }

    public void ThrowIfDisposed(ComponentEntry entry)
    {
        if (Volatile.Read(ref _disposed))
        {
            ThrowHelper.ScopeDisposed(entry.Name);
        }
    }

    public void Dispose()
    {
        if (!MarkDisposed())
        {
            return;
        }

        // The common request scope holds only IDisposable instances: destroyed here, with no task or state machine.
        if (_disposals.TryDestroyAllSynchronously(out var problems))
        {
            if (problems is not null)
            {
                ApplicationContext.ThrowProblems(problems, Errors.ShutdownProblems);
            }

            return;
        }

        DestroyAsync().AsTask().GetAwaiter().GetResult();
    }

    public ValueTask DisposeAsync() => !MarkDisposed() || _disposals.CloseIfEmpty() ? default : DestroyAsync();

    /// <summary>Marks the scope disposed; returns false when it already was (the caller then has nothing to destroy).</summary>
    private bool MarkDisposed()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            Volatile.Write(ref _disposed, true);
            return true;
        }
    }

    private async ValueTask DestroyAsync()
    {
        var problems = await _disposals.DestroyAllAsync().ConfigureAwait(false);
        ApplicationContext.ThrowProblems(problems, Errors.ShutdownProblems);
    }
}
