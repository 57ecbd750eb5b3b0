using Sprig.Definitions;

namespace Sprig.Conditions;

/// <summary>Whether each component is in, out or not decided yet, while refresh evaluates conditions.</summary>
internal sealed class ComponentStates
{
    private readonly IReadOnlyList<ComponentDefinition> _definitions;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<int>> _byType = [];

    public ComponentStates(IReadOnlyList<ComponentDefinition> definitions)
    {
        _definitions = definitions;
        States = new State[definitions.Count];
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
    }

    public enum State : byte
    {
        Undecided,
        In,
        Out,
    }

    public State[] States { get; }

    public string Name(int index) => _definitions[index].Name;

    public bool ContainsName(string name, int current) =>
        _byName.TryGetValue(name, out var indices) && Decide(indices.Where(i => i != current)).Count > 0;

    public IReadOnlyList<string> FindType(Type type, int current) =>
        _byType.TryGetValue(type, out var indices) ? [.. Decide(indices.Where(i => i != current)).Select(Name)] : [];

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
