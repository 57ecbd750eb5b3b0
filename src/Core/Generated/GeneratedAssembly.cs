using System.ComponentModel;
using System.Reflection;

namespace Sprig.Generated;

/// <summary>
/// One assembly's generated registry: every attributed component class it declares. The generator hands it over in small pieces,
/// run when asked: the list of classes, and each class's generated code on its first lookup, so that an assembly with thousands
/// of components pays at load for two delegates, not for one huge initializer (see <see cref="GeneratedAssembly(Assembly, int, Func{Type[]}, Func{int, GeneratedComponent})"/>).
/// For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedAssembly
{
    private readonly Func<Type[]> _types;
    private readonly Func<int, GeneratedComponent> _component;
    private readonly GeneratedComponent?[] _components;
    private readonly string? _facts;

    // What a facts character may be: '@' plus flags, or '?'.
    private static readonly System.Buffers.SearchValues<char> Valid = System.Buffers.SearchValues.Create("?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_");
    private readonly Lock _gate = new();
    private Type[]? _typeList;
    private Dictionary<Type, int>? _indexes;

    /// <summary>Creates a registry of components built up front.</summary>
    /// <param name="assembly">The assembly the generator ran on.</param>
    /// <param name="components">Its component classes, in declaration order.</param>
    public GeneratedAssembly(Assembly assembly, GeneratedComponent[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
        _components = [.. components];
        _types = () => [.. components.Select(c => c.Type)];
        _component = index => components[index];
    }

    /// <summary>Creates a registry whose pieces are made when first asked for.</summary>
    /// <param name="assembly">The assembly the generator ran on.</param>
    /// <param name="count">How many component classes it has.</param>
    /// <param name="types">Returns its component classes, in declaration order (called once).</param>
    /// <param name="component">Returns the generated code of the class at an index of that list (called once per class).</param>
    public GeneratedAssembly(Assembly assembly, int count, Func<Type[]> types, Func<int, GeneratedComponent> component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
        _types = types ?? throw new ArgumentNullException(nameof(types));
        _component = component ?? throw new ArgumentNullException(nameof(component));
        _components = new GeneratedComponent?[count];
    }

    /// <summary>
    /// Creates a registry whose pieces are made when first asked for, with what the generator saw each class carry: the runtime
    /// skips reading by reflection what a class does not have.
    /// </summary>
    /// <param name="assembly">The assembly the generator ran on.</param>
    /// <param name="count">How many component classes it has.</param>
    /// <param name="types">Returns its component classes, in declaration order (called once).</param>
    /// <param name="component">Returns the generated code of the class at an index of that list (called once per class).</param>
    /// <param name="facts">One character per class of that list, in its order: <c>'@'</c> plus flags of what the class carries
    /// (1 injected members, 2 lifecycle hooks, 4 endpoints, 8 conditions, 16 a service key), or <c>'?'</c> for a class the
    /// generator could not see whole.</param>
    /// <exception cref="ArgumentException"><paramref name="facts"/> does not have one valid character per class.</exception>
    public GeneratedAssembly(Assembly assembly, int count, Func<Type[]> types, Func<int, GeneratedComponent> component, string facts)
        : this(assembly, count, types, component)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Length != count || facts.AsSpan().ContainsAnyExcept(Valid))
        {
            throw new ArgumentException(
                $"The generated registry of '{assembly.GetName().Name}' announces {count} component classes, but its facts are {facts.Length} characters, not {count} of '@' to '_' or '?'. Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with.",
                nameof(facts));
        }

        _facts = facts;
    }

    /// <summary>Gets the assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Gets its component classes, in declaration order.</summary>
    public IReadOnlyList<Type> Types => Volatile.Read(ref _typeList) ?? ReadTypes();

    /// <summary>Gets the generated code of every component class (made now for the classes not yet looked up).</summary>
    public IReadOnlyList<GeneratedComponent> Components => [.. Enumerable.Range(0, Types.Count).Select(At)];

    /// <summary>
    /// Returns what the generator saw <paramref name="type"/> and its base classes carry, or <see cref="ClassFacts.Unknown"/> when
    /// it is not one of this assembly's components or the generator did not say.
    /// </summary>
    internal ClassFacts FactsOf(Type type) =>
        _facts is not null && Indexes().TryGetValue(type, out var index) && _facts[index] != '?' ? (ClassFacts)(_facts[index] - '@') : ClassFacts.Unknown;

    /// <summary>Tells whether <paramref name="type"/> is one of this assembly's components.</summary>
    internal bool Lists(Type type) => Indexes().ContainsKey(type);

    /// <summary>Returns the generated code of <paramref name="type"/>, or null when it is not one of this assembly's components.</summary>
    internal GeneratedComponent? Find(Type type) => Indexes().TryGetValue(type, out var index) ? At(index) : null;

    private GeneratedComponent At(int index)
    {
        if (Volatile.Read(ref _components[index]) is { } made)
        {
            return made;
        }

        var component = _component(index);
        return Interlocked.CompareExchange(ref _components[index], component, null) ?? component;
    }

    private Type[] ReadTypes()
    {
        lock (_gate)
        {
            if (_typeList is null)
            {
                var types = _types();
                if (types.Length != _components.Length)
                {
                    throw new InvalidOperationException(
                        $"The generated registry of '{Assembly.GetName().Name}' lists {types.Length} component classes but announced {_components.Length}. Rebuild the assembly.");
                }

                Volatile.Write(ref _typeList, types);
            }

            return _typeList;
        }
    }

    private Dictionary<Type, int> Indexes()
    {
        if (Volatile.Read(ref _indexes) is { } indexes)
        {
            return indexes;
        }

        lock (_gate)
        {
            if (_indexes is null)
            {
                var types = Types;
                var made = new Dictionary<Type, int>(types.Count);
                for (var i = 0; i < types.Count; i++)
                {
                    made.TryAdd(types[i], i);
                }

                Volatile.Write(ref _indexes, made);
            }

            return _indexes;
        }
    }
}
