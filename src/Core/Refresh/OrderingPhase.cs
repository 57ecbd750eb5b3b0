namespace Sprig.Refresh;

/// <summary>Phase 5: the creation order, each component after everything it needs eagerly, registration order otherwise.</summary>
internal static class OrderingPhase
{
    public static IReadOnlyList<ComponentEntry> Run(DependencyGraph graph) => graph.CreationOrder();
}
