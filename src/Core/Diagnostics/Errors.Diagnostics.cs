namespace Sprig.Diagnostics;

/// <summary>The message texts of diagnostics: the dependency graph's export.</summary>
internal static partial class Errors
{
    public static string GraphRootNotFound(string root, IReadOnlyList<string> suggestions) =>
        $"Cannot export the dependency graph from '{root}': '{root}' is not a component.{DidYouMean(suggestions)} "
        + "Pass the name of a component (ApplicationContext.Components lists them), or no root for the whole graph.";

    public static string GraphRootExcluded(string root, string reason) =>
        $"Cannot export the dependency graph from '{root}': '{root}' is not a component, a condition excluded it ({reason}). "
        + "Pass the name of a component that is in, or change the configuration or the condition to include it.";

    public static string UnknownGraphFormat(GraphFormat format) =>
        $"'{format}' is not a graph format. Use GraphFormat.Dot, GraphFormat.Mermaid or GraphFormat.Json.";
}
