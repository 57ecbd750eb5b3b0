namespace Sprig.Diagnostics;

/// <summary>The ids DOT and Mermaid drawings give nodes: n0, n1… for components in order, s0, s1… for framework services (names are labels only).</summary>
internal sealed class GraphIds
{
    private readonly Dictionary<string, string> _components;
    private readonly Dictionary<string, string> _services;

    private GraphIds(Dictionary<string, string> components, Dictionary<string, string> services)
    {
        _components = components;
        _services = services;
    }

    public string this[string component] => _components[component];

    public string Service(string service) => _services[service];

    public static GraphIds Of(ExportedGraph graph)
    {
        var components = new Dictionary<string, string>(graph.Nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            components[graph.Nodes[i].Name] = "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var services = new Dictionary<string, string>(graph.Services.Count, StringComparer.Ordinal);
        for (var i = 0; i < graph.Services.Count; i++)
        {
            services[graph.Services[i]] = "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new GraphIds(components, services);
    }
}
