namespace Sprig.Diagnostics;

/// <summary>One edge of an exported graph: a <see cref="DependencyInfo"/> of <paramref name="From"/>, marked when it closes a cycle.</summary>
/// <param name="From">The component that has the link.</param>
/// <param name="To">The component (or framework service) linked to.</param>
/// <param name="Kind">The link's <see cref="DependencyInfo.Kind"/>.</param>
/// <param name="Cycle">Whether the link closes a cycle: a lazy link whose target leads back to its source.</param>
/// <param name="ToComponent">Whether <paramref name="To"/> is a component of the graph (else a framework service, drawn apart).</param>
internal readonly record struct GraphEdge(string From, string To, string Kind, bool Cycle, bool ToComponent);
