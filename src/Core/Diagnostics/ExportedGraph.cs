namespace Sprig.Diagnostics;

/// <summary>
/// The part of the dependency graph <see cref="ApplicationContext.ExportGraph"/> writes: its components (in the table's order),
/// its edges (by source, in each component's link order) and the framework services edges lead to (in order of first use).
/// </summary>
internal sealed record ExportedGraph(IReadOnlyList<ComponentInfo> Nodes, IReadOnlyList<GraphEdge> Edges, IReadOnlyList<string> Services);
