using System.Collections.Concurrent;

namespace Sprig.Planning;

/// <summary>
/// A process-wide cache of what reflection says about types: held strongly until the first gen 2 collection after it was last
/// used, then weakly, until it is collected. So it lives from one refresh to the next (a test suite refreshing the same classes
/// again and again reads their metadata once) without keeping, for the life of the process, the runtime's reflection caches
/// of every class it saw (about 2.4 KB per class) in an application that refreshes once. A ConditionalWeakTable would not do:
/// its entries outlive it until its finalizer runs. A collectible assembly's types are held only as long as the cache.
/// </summary>
/// <typeparam name="TValue">What is cached per type.</typeparam>
internal sealed class MetadataCache<TValue>
    where TValue : class
{
    private readonly WeakReference<ConcurrentDictionary<Type, TValue>?> _weak = new(null);
    private ConcurrentDictionary<Type, TValue>? _strong;

    /// <summary>Returns the value for <paramref name="type"/>, reading it with <paramref name="read"/> the first time only.</summary>
    public TValue Get(Type type, Func<Type, TValue> read)
    {
        var values = Values();
        return values.TryGetValue(type, out var value) ? value : values.GetOrAdd(type, read);
    }

    /// <summary>Returns the current table, for a caller to keep alive while it works (a refresh, through many collections).</summary>
    public object Hold() => Values();

    private ConcurrentDictionary<Type, TValue> Values()
    {
        var values = Volatile.Read(ref _strong);
        if (values is not null)
        {
            return values;
        }

        if (!_weak.TryGetTarget(out values) || values is null)
        {
            values = [];
            _weak.SetTarget(values);
        }

        if (Interlocked.CompareExchange(ref _strong, values, null) is { } other)
        {
            return other; // another thread's table won: share it
        }

        Gen2Release.Start(this);
        return values;
    }

    /// <summary>
    /// Lets go of the strong reference at the next gen 2 collection: an unreachable object whose finalizer re-registers itself
    /// reaches gen 2, where its finalizer runs once per gen 2 collection (the runtime's own Gen2GcCallback does the same).
    /// </summary>
    private sealed class Gen2Release
    {
        private readonly MetadataCache<TValue> _cache;
        private readonly int _gen2 = GC.CollectionCount(2);

        private Gen2Release(MetadataCache<TValue> cache) => _cache = cache;

        public static void Start(MetadataCache<TValue> cache) => _ = new Gen2Release(cache);

        ~Gen2Release()
        {
            if (GC.CollectionCount(2) == _gen2)
            {
                GC.ReRegisterForFinalize(this); // only a younger collection so far: wait for a full one
                return;
            }

            Volatile.Write(ref _cache._strong, null);
        }
    }
}
