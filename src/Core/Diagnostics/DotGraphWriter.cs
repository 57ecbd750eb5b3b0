using System.Text;

namespace Sprig.Diagnostics;

/// <summary>
/// Writes an exported graph as Graphviz DOT: a box per component, a dashed ellipse per framework service, lazy links dashed,
/// links that close a cycle red, every kind but "type" as the edge's label. Nodes have generated ids (n0, n1…, s0…) and
/// the name as label, escaped for DOT (quotes, backslashes) and for Graphviz's entities (&amp;).
/// </summary>
internal static class DotGraphWriter
{
    public static string Write(ExportedGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph sprig {\n");
        text.Append("  rankdir=LR;\n");
        text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        var ids = GraphIds.Of(graph);
        foreach (var node in graph.Nodes)
        {
            text.Append("  ").Append(ids[node.Name]).Append(" [label=\"").Append(Escape(node.Name)).Append("\"];\n");
        }

        foreach (var service in graph.Services)
        {
            text.Append("  ").Append(ids.Service(service)).Append(" [label=\"").Append(Escape(service)).Append("\", shape=ellipse, style=dashed];\n");
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(ids[edge.From]).Append(" -> ").Append(edge.ToComponent ? ids[edge.To] : ids.Service(edge.To));
            var attributes = new List<string>(3);
            if (edge.Kind == DependencyKinds.Lazy)
            {
                attributes.Add("style=dashed");
            }

            if (edge.Cycle)
            {
                attributes.Add("color=red");
                attributes.Add("fontcolor=red");
            }

            if (edge.Kind != DependencyKinds.Type)
            {
                attributes.Add($"label=\"{(edge.Cycle ? edge.Kind + " (cycle)" : edge.Kind)}\"");
            }

            if (attributes.Count > 0)
            {
                text.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            }

            text.Append(";\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Escapes a label for a DOT quoted string; '&amp;' becomes an entity, which Graphviz would otherwise read ("&amp;lt;").</summary>
    public static string Escape(string label)
    {
        var text = new StringBuilder(label.Length + 8);
        foreach (var c in label)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '&' => "&amp;",
                '\n' => "\\n",
                '\r' => "",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
