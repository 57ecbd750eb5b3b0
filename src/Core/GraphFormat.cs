namespace Sprig;

/// <summary>The text formats <see cref="ApplicationContext.ExportGraph"/> writes the dependency graph in.</summary>
public enum GraphFormat
{
    /// <summary>Graphviz DOT (<c>dot -Tsvg graph.dot</c>): lazy links dashed, links that close a cycle red.</summary>
    Dot,

    /// <summary>A Mermaid flowchart (<c>flowchart LR</c>): lazy links <c>-.-&gt;</c>, links that close a cycle red through <c>linkStyle</c>.</summary>
    Mermaid,

    /// <summary>JSON: <c>{ "nodes": [ { name, type, scope, namespace, origin, state } ], "edges": [ { from, to, kind, cycle } ] }</c>.</summary>
    Json,
}
