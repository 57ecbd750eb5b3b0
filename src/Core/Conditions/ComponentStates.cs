using Sprig.Definitions;

namespace Sprig.Conditions;

/// <summary>Whether each component is in, out or not decided yet, while refresh evaluates conditions.</summary>
internal sealed class ComponentStates
{
    private readonly IReadOnlyList<ComponentDefinition> _definitions;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<int>> _byType = [];

    private readonly int[] _owners;
    private readonly int[] _products;

    public ComponentStates(IReadOnlyList<ComponentDefinition> definitions)
    {
        _definitions = definitions;
        States = new State[definitions.Count];
        _owners = new int[definitions.Count];
        _products = new int[definitions.Count];
        Array.Fill(_owners, -1);
        Array.Fill(_products, -1);
        for (var i = 0; i < definitions.Count; i++)
        {
            Add(_byName, definitions[i].Name, i);
            if (!definitions[i].IsInfrastructure)
            {
                foreach (var type in definitions[i].ServiceTypes)
                {
                    Add(_byType, type, i);
                }
            }
        }

        for (var i = 0; i < definitions.Count; i++)
        {
            if (definitions[i].FactoryOwner is { } owner && _byName.TryGetValue(owner, out var owners))
            {
                if (definitions[i].Factory == FactoryKind.Provider)
                {
                    _products[owners[0]] = i; // a provider's own instance follows its product
                }
                else
                {
                    _owners[i] = owners[0]; // a [Bean] follows its [Configuration] class
                }
            }
        }
    }

    /// <summary>Returns the [Configuration] component a [Bean] belongs to, or -1.</summary>
    public int Owner(int index) => _owners[index];

    /// <summary>Returns the product a provider's own instance belongs to, or -1.</summary>
    public int Product(int index) => _products[index];

    public enum State : byte
    {
        Undecided,
        In,
        Out,
    }

    public State[] States { get; }

    public string Name(int index) => _definitions[index].Name;

    // A component never sees itself, and a [Configuration] class does not see its own beans (as in Spring, its conditions
    // decide whether they exist at all).
    public bool ContainsName(string name, int current) =>
        _byName.TryGetValue(name, out var indices) && Decide(indices.Where(i => Visible(i, current))).Count > 0;

    public IReadOnlyList<string> FindType(Type type, int current) =>
        _byType.TryGetValue(type, out var indices) ? [.. Decide(indices.Where(i => Visible(i, current))).Select(Name)] : [];

    private bool Visible(int index, int current) => index != current && _owners[index] != current;

    // In components are listed; any undecided one makes the answer unknown until it is decided.
    private List<int> Decide(IEnumerable<int> indices)
    {
        var result = new List<int>();
        foreach (var i in indices)
        {
            switch (States[i])
            {
                case State.In:
                    result.Add(i);
                    break;
                case State.Undecided:
                    throw new ConditionUndecidedException();
            }
        }

        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int index)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(index);
    }
}
