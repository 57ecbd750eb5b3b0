namespace Sprig.Diagnostics;

/// <summary>
/// Picks the part of a running context's dependency graph to export: everything, or what <c>root</c> reaches within
/// <c>depth</c> links; and marks the links that close a cycle.
/// </summary>
/// <remarks>
/// An edge is exported when its source is and the hop it makes is within the depth (a link of a component at the depth limit
/// is not followed, even back into the graph). A running context's cycles always go through a lazy link (refresh rejects the
/// others), so the links marked as closing a cycle are the lazy links whose target leads back to their source within the
/// exported graph: the links that let the cycle exist.
/// </remarks>
internal static class DependencyGraphExport
{
    public static ExportedGraph Build(ApplicationContext context, ComponentTable table, string? root, int depth)
    {
        var entries = table.Entries;
        var links = new List<ComponentLink>?[entries.Length];
        var included = new bool[entries.Length];
        if (root is null)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                included[i] = true;
                links[i] = ComponentInfos.Links(table, entries[i]);
            }
        }
        else
        {
            Reach(table, Root(table, root), depth, included, links);
        }

        var nodes = new List<ComponentInfo>();
        var edges = new List<GraphEdge>();
        var services = new List<string>();
        var serviceSet = new HashSet<string>(StringComparer.Ordinal);
        var component = Strongly(entries, included, links);
        for (var i = 0; i < entries.Length; i++)
        {
            if (!included[i])
            {
                continue;
            }

            nodes.Add(ComponentInfos.Of(context, table, entries[i]));
            foreach (var link in links[i] ?? [])
            {
                if (link.Target is { } target)
                {
                    var cycle = link.Kind == DependencyKinds.Lazy && component[target.Index] == component[i];
                    edges.Add(new GraphEdge(entries[i].Name, link.Component, link.Kind, cycle, ToComponent: true));
                }
                else
                {
                    edges.Add(new GraphEdge(entries[i].Name, link.Component, link.Kind, Cycle: false, ToComponent: false));
                    if (serviceSet.Add(link.Component))
                    {
                        services.Add(link.Component);
                    }
                }
            }
        }

        return new ExportedGraph(nodes, edges, services);
    }

    private static ComponentEntry Root(ComponentTable table, string root)
    {
        if (table.ByName.TryGetValue(root, out var entry))
        {
            return entry;
        }

        if (table.ExclusionOf(root) is { } explanation)
        {
            throw new ComponentNotFoundException(Errors.GraphRootExcluded(root, explanation), root, []);
        }

        var suggestions = NameSuggestions.For(root, table.Entries.Select(e => e.Name));
        throw new ComponentNotFoundException(Errors.GraphRootNotFound(root, suggestions), root, suggestions);
    }

    /// <summary>Marks what <paramref name="root"/> reaches within <paramref name="depth"/> links, breadth first, and keeps the links of each component that has links followed.</summary>
    private static void Reach(ComponentTable table, ComponentEntry root, int depth, bool[] included, List<ComponentLink>?[] links)
    {
        var distance = new int[included.Length];
        var queue = new Queue<ComponentEntry>();
        included[root.Index] = true;
        queue.Enqueue(root);
        while (queue.TryDequeue(out var entry))
        {
            if (distance[entry.Index] >= depth)
            {
                continue;
            }

            var own = links[entry.Index] = ComponentInfos.Links(table, entry);
            foreach (var link in own)
            {
                if (link.Target is { } target && !included[target.Index])
                {
                    included[target.Index] = true;
                    distance[target.Index] = distance[entry.Index] + 1;
                    queue.Enqueue(target);
                }
            }
        }
    }

    /// <summary>Numbers the strongly connected components of the exported graph (Tarjan's algorithm, iterative: chains can be long).</summary>
    private static int[] Strongly(ComponentEntry[] entries, bool[] included, List<ComponentLink>?[] links)
    {
        var count = entries.Length;
        var index = new int[count];
        var low = new int[count];
        var component = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Next)>();
        var counter = 0;
        var components = 0;
        for (var start = 0; start < count; start++)
        {
            if (!included[start] || index[start] >= 0)
            {
                continue;
            }

            calls.Push((start, 0));
            while (calls.TryPop(out var call))
            {
                var (node, next) = call;
                if (next == 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                var own = links[node] ?? [];
                var descended = false;
                for (; next < own.Count; next++)
                {
                    if (own[next].Target is not { } target || !included[target.Index])
                    {
                        continue;
                    }

                    var t = target.Index;
                    if (index[t] < 0)
                    {
                        // Descend; come back to the next link afterwards and take the child's low link then.
                        calls.Push((node, next + 1));
                        calls.Push((t, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[t])
                    {
                        low[node] = Math.Min(low[node], index[t]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[node] == index[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = components;
                    }
                    while (member != node);
                    components++;
                }

                if (calls.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[node]);
                }
            }
        }

        return component;
    }
}
