using System.Text.Json;

namespace Sprig.Diagnostics;

/// <summary>
/// Writes an exported graph as JSON (camelCase, no reflection): <c>{ "nodes": [ { name, type, scope, namespace, origin, state } ],
/// "edges": [ { from, to, kind, cycle } ] }</c>. One node per component; one edge per <see cref="DependencyInfo"/>; an edge to a
/// framework service names it in "to" without a node of its own.
/// </summary>
internal static class JsonGraphWriter
{
    public static string Write(ExportedGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("name", node.Name);
                json.WriteString("type", TypeNames.Full(node.Type));
                json.WriteString("scope", node.Scope.ToString());
                json.WriteString("namespace", node.Namespace);
                json.WriteString("origin", node.Origin);
                json.WriteString("state", node.State);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in graph.Edges)
            {
                json.WriteStartObject();
                json.WriteString("from", edge.From);
                json.WriteString("to", edge.To);
                json.WriteString("kind", edge.Kind);
                json.WriteBoolean("cycle", edge.Cycle);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
