using System.Collections.Frozen;
using Sprig.Definitions;

namespace Sprig.Resolution;

/// <summary>The frozen lookup tables of a refreshed context: entries by name and by every type they answer for.</summary>
internal sealed class ComponentTable
{
    private readonly FrozenDictionary<Type, ComponentEntry[]> _byType;

    public ComponentTable(IReadOnlyList<ComponentDefinition> definitions, IReadOnlyList<ComponentDefinition>? excluded = null, ConditionReport? report = null)
    {
        Excluded = excluded ?? [];
        Report = report ?? ConditionReport.Empty;
        Entries = new ComponentEntry[definitions.Count];
        var byName = new Dictionary<string, ComponentEntry>(StringComparer.Ordinal);
        var byType = new Dictionary<Type, List<ComponentEntry>>();
        for (var i = 0; i < definitions.Count; i++)
        {
            var entry = Entries[i] = new ComponentEntry(definitions[i], i, this);
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

            foreach (var type in entry.Definition.ServiceTypes)
            {
                if (!byType.TryGetValue(type, out var list))
                {
                    byType[type] = list = [];
                }

                list.Add(entry);
            }
        }

        ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byType = byType.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public ComponentEntry[] Entries { get; }

    public FrozenDictionary<string, ComponentEntry> ByName { get; }

    /// <summary>Gets the names users give components (not a provider's internal "&amp;name"), for "did you mean".</summary>
    public IEnumerable<string> PublicNames => Entries.Where(e => !e.Definition.IsInfrastructure).Select(e => e.Name);

    public List<(ComponentEntry First, ComponentEntry Second)> Duplicates { get; } = [];

    public int RequestSlotCount { get; }

    /// <summary>Gets the components a condition left out, so that errors can say why they are missing.</summary>
    public IReadOnlyList<ComponentDefinition> Excluded { get; }

    public ConditionReport Report { get; }

    /// <summary>Gets or sets whether refresh is still running (creation then uses reflection instead of compiling).</summary>
    public bool IsRefreshing
    {
        get => Volatile.Read(ref _refreshing);
        set => Volatile.Write(ref _refreshing, value);
    }

    public DisposalList Singletons { get; } = new();

    /// <summary>Gets or sets the logger that records each singleton created (at Debug).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Records a singleton just created: for destruction at shutdown, and in the Debug log.</summary>
    public void Created(ComponentEntry entry, object instance)
    {
        Singletons.Add(entry, instance);
        if (!entry.Definition.IsInfrastructure && Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(
                Logger, "Created component {Name} ({Type}, {Scope})", entry.Name, entry.Definition.Type.FullName?.Replace('+', '.'), entry.Definition.Scope);
        }
    }

    private bool _refreshing = true;

    /// <summary>Returns the entries answering for <paramref name="type"/>, in registration order; empty when none.</summary>
    public ComponentEntry[] Find(Type type) => _byType.TryGetValue(type, out var entries) ? entries : [];

    /// <summary>Explains why a component named <paramref name="name"/> was left out, or returns null when it was not.</summary>
    public string? ExclusionOf(string name) =>
        Excluded.Any(d => d.Name == name && !d.IsInfrastructure) ? Report.WhyExcluded(name) : null;

    /// <summary>Explains each component of <paramref name="type"/> that a condition left out.</summary>
    public IEnumerable<string> ExclusionsOf(Type type) =>
        Excluded.Where(d => !d.IsInfrastructure && d.ServiceTypes.Contains(type)).Select(d => $"'{d.Name}': {Report.WhyExcluded(d.Name)}");

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
