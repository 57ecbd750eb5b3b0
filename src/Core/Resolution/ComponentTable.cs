using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Definitions;
using Sprig.Interop;
using Sprig.Planning;

namespace Sprig.Resolution;

/// <summary>
/// The lookup tables of a refreshed context, built once by refresh: entries by name, by every type they answer for, by key, and the entries closed
/// from open generic registrations on demand (planned by the table's own <see cref="Planner"/>). Lookup only: instances, scopes
/// and disposal live in <see cref="RootLifetime"/>.
/// </summary>
internal sealed class ComponentTable
{
    // Plain dictionaries: a frozen one looks up a little faster but costs far more to build, and a context is built often
    // (every test, every host) while a type's entries are cached per type slot on the hot path anyway.
    private readonly Dictionary<Type, ComponentEntry[]> _byType;

    private readonly Dictionary<(Type, object), ComponentEntry[]> _keyed;
    private readonly ConcurrentDictionary<(Type, int, object?), ComponentEntry?> _closed = new();
    private readonly ConcurrentDictionary<(Type, object), ComponentEntry> _anyKeyClosed = new();

    public ComponentTable(
        IReadOnlyList<ComponentDefinition> definitions,
        PlanServices services,
        IReadOnlyList<ComponentDefinition>? excluded = null,
        ConditionReport? report = null,
        IReadOnlyList<OpenGenericRegistration>? openGenerics = null)
    {
        OpenGenerics = openGenerics ?? [];
        var requestSlots = 0;
        foreach (var definition in definitions)
        {
            requestSlots += definition.Scope == Scope.Request ? 1 : 0;
        }

        Lifetime = new RootLifetime(services.Context, requestSlots, services.Loggers.CreateLogger("Sprig.ApplicationContext"));
        Planner = new Planner(this, services);
        var keyed = new Dictionary<(Type, object), List<ComponentEntry>>();
        Excluded = excluded ?? [];
        Report = report ?? ConditionReport.Empty;
        Entries = new ComponentEntry[definitions.Count];
        var byName = new Dictionary<string, ComponentEntry>(definitions.Count, StringComparer.Ordinal);
        // Most types have one component: its array is made at once, and a list only for a type with several.
        _byType = new Dictionary<Type, ComponentEntry[]>(definitions.Count);
        Dictionary<Type, List<ComponentEntry>>? several = null;
        for (var i = 0; i < definitions.Count; i++)
        {
            var entry = Entries[i] = new ComponentEntry(definitions[i], i, Lifetime);
            if (!byName.TryGetValue(entry.Name, out var existing))
            {
                byName.Add(entry.Name, entry);
            }
            else
            {
                Duplicates.Add((existing, entry));
            }

            if (entry.Definition.Scope == Scope.Request)
            {
                entry.RequestSlot = RequestSlotCount++;
            }

            if (entry.Definition.ServiceKey is { } key)
            {
                // Keyed services answer only keyed lookups.
                if (!keyed.TryGetValue((entry.Definition.Type, key), out var byKey))
                {
                    keyed[(entry.Definition.Type, key)] = byKey = [];
                }

                byKey.Add(entry);
                continue;
            }

            foreach (var type in entry.Definition.ServiceTypes)
            {
                ref var entries = ref CollectionsMarshal.GetValueRefOrAddDefault(_byType, type, out var exists);
                if (!exists)
                {
                    entries = [entry];
                }
                else if ((several ??= []).TryGetValue(type, out var list))
                {
                    list.Add(entry);
                }
                else
                {
                    several[type] = [.. entries!, entry];
                }
            }
        }

        _keyed = new Dictionary<(Type, object), ComponentEntry[]>(keyed.Count);
        foreach (var (typeAndKey, list) in keyed)
        {
            _keyed.Add(typeAndKey, [.. list]);
        }

        ByName = byName;
        foreach (var (type, list) in several ?? [])
        {
            _byType[type] = [.. list];
        }
    }

    public ComponentEntry[] Entries { get; }

    public Dictionary<string, ComponentEntry> ByName { get; }

    /// <summary>Gets the names users give components (not a provider's internal "&amp;name"), for "did you mean".</summary>
    public IEnumerable<string> PublicNames => Entries.Where(e => !e.Definition.IsInfrastructure).Select(e => e.Name);

    public List<(ComponentEntry First, ComponentEntry Second)> Duplicates { get; } = [];

    public int RequestSlotCount { get; }

    /// <summary>Gets the components a condition left out, so that errors can say why they are missing.</summary>
    public IReadOnlyList<ComponentDefinition> Excluded { get; }

    public ConditionReport Report { get; }

    /// <summary>Gets what the context owns while it runs: singletons, the root scope, disposal.</summary>
    public RootLifetime Lifetime { get; }

    /// <summary>Gets the planner of this table's components: refresh plans them with it, and so does closing an open generic later.</summary>
    public Planner Planner { get; }

    public IReadOnlyList<OpenGenericRegistration> OpenGenerics { get; }

    /// <summary>Gets the cached arrays of enumerables made only of singletons, by element type and key.</summary>
    public ConcurrentDictionary<(Type Element, object? Key), Array> Enumerables { get; } = new();

    /// <summary>Returns every non-keyed component for a type, closing open generic registrations, in registration order.</summary>
    public ComponentEntry[] FindAll(Type type)
    {
        var closed = Find(type);
        if (!type.IsConstructedGenericType || OpenGenerics.Count == 0)
        {
            return closed;
        }

        var all = new List<ComponentEntry>(closed);
        foreach (var registration in OpenGenerics)
        {
            if (registration.ServiceKey is null && Close(type, registration) is { } entry)
            {
                all.Add(entry);
            }
        }

        return [.. all.OrderBy(e => e.Definition.Order)];
    }

    /// <summary>Returns the component a single resolution of <paramref name="type"/> gets, MS.DI style: the last closed registration, else the last open generic one that closes.</summary>
    public ComponentEntry? FindLast(Type type)
    {
        var closed = Find(type);
        if (closed.Length > 0)
        {
            return closed[^1];
        }

        if (!type.IsConstructedGenericType)
        {
            return null;
        }

        for (var i = OpenGenerics.Count - 1; i >= 0; i--)
        {
            if (OpenGenerics[i].ServiceKey is null && Close(type, OpenGenerics[i]) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Returns the keyed components for a type and key, in registration order (AnyKey registrations closed for this key).</summary>
    public ComponentEntry[] FindKeyed(Type type, object key)
    {
        var found = _keyed.TryGetValue((type, key), out var exact);
        if (!type.IsConstructedGenericType || OpenGenerics.Count == 0)
        {
            return found ? exact! : [];
        }

        var result = found ? new List<ComponentEntry>(exact!) : [];
        if (type.IsConstructedGenericType)
        {
            foreach (var registration in OpenGenerics)
            {
                if (registration.ServiceKey is { } k && Equals(k, key) && Close(type, registration) is { } entry)
                {
                    result.Add(entry);
                }
            }
        }

        return [.. result.OrderBy(e => e.Definition.Order)];
    }

    /// <summary>Returns the entry an AnyKey registration makes for a specific key: one per (type, key), like MS.DI.</summary>
    public ComponentEntry? FindAnyKey(Type type, object key)
    {
        if (ReferenceEquals(key, KeyedService.AnyKey))
        {
            return null;
        }

        if (_keyed.TryGetValue((type, KeyedService.AnyKey), out var any) && any.Length > 0)
        {
            var template = any[^1];
            return _anyKeyClosed.GetOrAdd((type, key), _ => Dynamic(new Definitions.ComponentDefinition(
                $"{template.Name}[{key}]", template.Definition.Type, template.Definition.Kind, template.Definition.Scope)
            {
                ImplementationType = template.Definition.ImplementationType, Instance = template.Definition.Instance, Delegate = template.Definition.Delegate,
                Source = template.Definition.Source, ServiceTypes = template.Definition.ServiceTypes, FromDescriptor = true, ServiceKey = key,
                Order = template.Definition.Order,
            }));
        }

        if (type.IsConstructedGenericType)
        {
            for (var i = OpenGenerics.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(OpenGenerics[i].ServiceKey, KeyedService.AnyKey) && Close(type, OpenGenerics[i], key) is { } entry)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Enumerates every keyed entry of a type (for GetKeyedServices with AnyKey), except AnyKey registrations themselves.</summary>
    public ComponentEntry[] FindAllKeyed(Type type) =>
        [.. _keyed.Where(p => p.Key.Item1 == type && !ReferenceEquals(p.Key.Item2, KeyedService.AnyKey)).SelectMany(p => p.Value).OrderBy(e => e.Definition.Order)];

    private ComponentEntry? Close(Type type, OpenGenericRegistration registration, object? key = null)
    {
        if (type.GetGenericTypeDefinition() != registration.ServiceType)
        {
            return null;
        }

        return _closed.TryGetValue((type, registration.Order, key), out var cached) ? cached : _closed.GetOrAdd((type, registration.Order, key), _ =>
        {
            var arguments = type.GetGenericArguments();
            if (GenericClosing.Blocking(arguments) is { } valueType)
            {
                throw new ContainerException(Diagnostics.Errors.OpenGenericOverValueType(type, registration.ServiceType, registration.ImplementationType, valueType));
            }

            Type implementation;
            try
            {
                implementation = GenericClosing.Close(registration.ImplementationType, arguments);
            }
            catch (ArgumentException)
            {
                return null; // the type arguments do not satisfy the implementation's constraints
            }

            return Dynamic(DescriptorReader.Closed(
                $"{Diagnostics.Errors.TypeName(type)}#{registration.Order}", type, implementation, registration.Scope, key ?? registration.ServiceKey, registration.Order));
        });
    }

    private ComponentEntry Dynamic(Definitions.ComponentDefinition definition)
    {
        var entry = new ComponentEntry(definition, -1, Lifetime);
        entry.Plan = Planner.PlanClosed(entry);
        return entry;
    }

    /// <summary>Returns the entries answering for <paramref name="type"/>, in registration order; empty when none.</summary>
    public ComponentEntry[] Find(Type type) => _byType.TryGetValue(type, out var entries) ? entries : [];

    /// <summary>Explains why a component named <paramref name="name"/> was left out, or returns null when it was not.</summary>
    public string? ExclusionOf(string name) =>
        Excluded.Any(d => d.Name == name && !d.IsInfrastructure) ? Report.WhyExcluded(name) : null;

    /// <summary>Explains each component of <paramref name="type"/> that a condition left out.</summary>
    public IEnumerable<string> ExclusionsOf(Type type) =>
        Excluded.Where(d => !d.IsInfrastructure && d.ServiceTypes.Contains(type)).Select(d => $"'{d.Name}': {Report.WhyExcluded(d.Name)}");

    private ComponentEntry?[] _bySlot = [];
    private readonly Lock _slotGate = new();

    /// <summary>Finds the single entry for <typeparamref name="T"/> by its type slot: the hot path of <c>Get&lt;T&gt;()</c>.</summary>
    public ComponentEntry? SingleFor<T>()
    {
        var slots = Volatile.Read(ref _bySlot);
        var index = TypeSlot<T>.Index;
        return (uint)index < (uint)slots.Length && slots[index] is { } entry ? entry : FillSlot(typeof(T), index);
    }

    private ComponentEntry? FillSlot(Type type, int index)
    {
        if (!TryFindSingle(type, out var entry) || entry.Definition.IsInfrastructure)
        {
            return null; // missing or ambiguous: the slow path explains
        }

        lock (_slotGate)
        {
            var slots = _bySlot;
            if (index >= slots.Length)
            {
                Array.Resize(ref slots, Math.Max(index + 1, slots.Length * 2));
            }
            else
            {
                slots = (ComponentEntry?[])slots.Clone();
            }

            slots[index] = entry;
            Volatile.Write(ref _bySlot, slots);
        }

        return entry;
    }

    /// <summary>Finds the single entry for a type: the hot path of <c>Get&lt;T&gt;()</c>.</summary>
    public bool TryFindSingle(Type type, out ComponentEntry entry)
    {
        if (_byType.TryGetValue(type, out var entries) && entries.Length == 1)
        {
            entry = entries[0];
            return true;
        }

        entry = null!;
        return false;
    }
}
