using Sprig.Diagnostics;

namespace Sprig.Refresh;

/// <summary>
/// The links between components once every plan is built: finds cycles without a lazy link, singletons that capture
/// Request components, the creation order (dependencies first) and the path that leads to a component.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly ComponentEntry[] _entries;
    private readonly IReadOnlyList<(ComponentEntry Target, bool Lazy)>[] _links;
    private readonly ComponentEntry?[] _firstDependent;

    private readonly ComponentTable _table;

    public DependencyGraph(ComponentTable table)
    {
        _table = table;
        _entries = table.Entries;
        _links = new IReadOnlyList<(ComponentEntry, bool)>[_entries.Length];
        _firstDependent = new ComponentEntry?[_entries.Length];
        foreach (var entry in _entries)
        {
            // Components closed from open generic registrations are made on demand, outside the graph (as MS.DI does).
            // The plan's own list is used as it is unless something must be left out or added (no copy per component).
            var planned = entry.Plan.Links;
            IReadOnlyList<(ComponentEntry Target, bool Lazy)> links = planned;
            if (entry.Definition.DependsOn.Count > 0 || !AllInGraph(planned))
            {
                var list = planned.Where(l => l.Target.Index >= 0).ToList();
                foreach (var name in entry.Definition.DependsOn)
                {
                    // An unknown name is reported by FindUnknownDependsOn.
                    if (table.ByName.TryGetValue(name, out var target))
                    {
                        list.Add((target, false));
                    }
                }

                links = list;
            }

            _links[entry.Index] = links;
            foreach (var (target, lazy) in links)
            {
                if (!lazy && target != entry)
                {
                    _firstDependent[target.Index] ??= entry;
                }
            }
        }
    }

    private static bool AllInGraph(IReadOnlyList<(ComponentEntry Target, bool Lazy)> links)
    {
        foreach (var (target, _) in links)
        {
            if (target.Index < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the path from an outermost component down to <paramref name="entry"/>: <c>UserController -> UserService -> EmailService</c>.</summary>
    public IReadOnlyList<string> PathTo(ComponentEntry entry)
    {
        var path = new List<string> { entry.Name };
        var seen = new HashSet<ComponentEntry> { entry };
        for (var current = _firstDependent[entry.Index]; current is not null && seen.Add(current); current = _firstDependent[current.Index])
        {
            path.Insert(0, current.Name);
        }

        return path;
    }

    /// <summary>Records every DependsOn name that no component has, with a "did you mean".</summary>
    public void FindUnknownDependsOn(Problems problems)
    {
        foreach (var entry in _entries)
        {
            foreach (var name in entry.Definition.DependsOn)
            {
                if (!_table.ByName.ContainsKey(name))
                {
                    var suggestions = NameSuggestions.For(name, _table.PublicNames);
                    problems.Add(new ComponentNotFoundException(Errors.UnknownDependsOn(entry.Name, name, suggestions), name, suggestions, entry.Name));
                }
            }
        }
    }

    /// <summary>Records every cycle made only of eager links, once each.</summary>
    public void FindCycles(Problems problems)
    {
        var state = new byte[_entries.Length]; // 0 new, 1 on the stack, 2 done
        var stack = new List<ComponentEntry>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            Visit(entry);
        }

        void Visit(ComponentEntry entry)
        {
            if (state[entry.Index] == 2)
            {
                return;
            }

            state[entry.Index] = 1;
            stack.Add(entry);
            foreach (var (target, lazy) in _links[entry.Index])
            {
                if (lazy)
                {
                    continue;
                }

                if (state[target.Index] == 1)
                {
                    var start = stack.IndexOf(target);
                    var cycle = stack.Skip(start).Select(e => e.Name).Append(target.Name).ToList();
                    if (reported.Add(string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal))))
                    {
                        problems.Add(new CircularDependencyException(Errors.CircularDependency(cycle), cycle));
                    }
                }
                else
                {
                    Visit(target);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[entry.Index] = 2;
        }
    }

    /// <summary>Records every singleton that reaches a Request component, directly or through Prototype components.</summary>
    public void FindScopeCaptures(Problems problems)
    {
        // Service descriptors follow MS.DI, where a singleton may use a Scoped service (it gets the root scope's).
        foreach (var singleton in _entries)
        {
            // Most singletons link only to singletons: nothing to search, nothing allocated.
            if (singleton.Definition.Scope != Scope.Singleton || singleton.Definition.FromDescriptor || OnlySingletons(_links[singleton.Index]))
            {
                continue;
            }

            var path = new List<ComponentEntry> { singleton };
            var seen = new HashSet<ComponentEntry> { singleton };
            if (FindRequest(singleton, path, seen) is { } request)
            {
                var names = path.Select(e => e.Name).ToList();
                problems.Add(new ContainerException(Errors.ScopeCapture(singleton.Definition, request.Definition, names), singleton.Name, names));
            }
        }

        ComponentEntry? FindRequest(ComponentEntry from, List<ComponentEntry> path, HashSet<ComponentEntry> seen)
        {
            foreach (var (target, _) in _links[from.Index])
            {
                if (!seen.Add(target) || target.Definition.Scope == Scope.Singleton)
                {
                    continue;
                }

                path.Add(target);
                if (target.Definition.Scope == Scope.Request)
                {
                    return target;
                }

                if (FindRequest(target, path, seen) is { } found)
                {
                    return found;
                }

                path.RemoveAt(path.Count - 1);
            }

            return null;
        }
    }

    private static bool OnlySingletons(IReadOnlyList<(ComponentEntry Target, bool Lazy)> links)
    {
        foreach (var (target, _) in links)
        {
            if (target.Definition.Scope != Scope.Singleton)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Orders components so that each comes after everything it needs eagerly; registration order otherwise.</summary>
    public List<ComponentEntry> CreationOrder()
    {
        var order = new List<ComponentEntry>(_entries.Length);
        var done = new bool[_entries.Length];
        var onStack = new bool[_entries.Length];
        foreach (var entry in _entries)
        {
            Visit(entry);
        }

        return order;

        void Visit(ComponentEntry entry)
        {
            if (done[entry.Index] || onStack[entry.Index])
            {
                return;
            }

            onStack[entry.Index] = true;
            foreach (var (target, lazy) in _links[entry.Index])
            {
                if (!lazy)
                {
                    Visit(target);
                }
            }

            onStack[entry.Index] = false;
            done[entry.Index] = true;
            order.Add(entry);
        }
    }
}
