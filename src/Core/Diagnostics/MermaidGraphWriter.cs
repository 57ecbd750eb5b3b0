using System.Globalization;
using System.Text;

namespace Sprig.Diagnostics;

/// <summary>
/// Writes an exported graph as a Mermaid flowchart (<c>flowchart LR</c>): one line per node (<c>n0["Name"]</c>, a framework
/// service as a stadium <c>s0(["IConfiguration"])</c>), one line per edge (<c>--&gt;</c>, lazy <c>-.-&gt;</c>, every kind but
/// "type" as its label), then one <c>linkStyle</c> line colouring the links that close a cycle red. Labels are quoted, with
/// every character but letters, digits and a few plain signs written as Mermaid's entity codes (<c>#quot;</c> style: <c>#34;</c>).
/// </summary>
internal static class MermaidGraphWriter
{
    public static string Write(ExportedGraph graph)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        var ids = GraphIds.Of(graph);
        foreach (var node in graph.Nodes)
        {
            text.Append("    ").Append(ids[node.Name]).Append("[\"").Append(Escape(node.Name)).Append("\"]\n");
        }

        foreach (var service in graph.Services)
        {
            text.Append("    ").Append(ids.Service(service)).Append("([\"").Append(Escape(service)).Append("\"])\n");
        }

        var cycles = new List<int>();
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            text.Append("    ").Append(ids[edge.From]).Append(edge.Kind == DependencyKinds.Lazy ? " -.->" : " -->");
            if (edge.Kind != DependencyKinds.Type)
            {
                text.Append('|').Append(edge.Kind).Append('|');
            }

            text.Append(' ').Append(edge.ToComponent ? ids[edge.To] : ids.Service(edge.To)).Append('\n');
            if (edge.Cycle)
            {
                cycles.Add(i);
            }
        }

        if (cycles.Count > 0)
        {
            text.Append("    linkStyle ").AppendJoin(',', cycles).Append(" stroke:#d32f2f,stroke-width:2px\n");
        }

        return text.ToString();
    }

    public static string Escape(string label)
    {
        var text = new StringBuilder(label.Length + 8);
        foreach (var rune in label.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '_' or '.' or '-' or ':' or ',' or '/' or '(' or ')')
            {
                text.Append(rune.ToString());
            }
            else
            {
                text.Append('#').Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return text.ToString();
    }
}
