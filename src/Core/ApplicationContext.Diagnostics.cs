using Sprig.Diagnostics;

namespace Sprig;

/// <summary>What a context shows about itself: its components and their links, its start-up timeline, its dependency graph.</summary>
public sealed partial class ApplicationContext
{
    private readonly StartupRecorder _startup = new();

    /// <summary>Gets the recorder of this context's start-up steps.</summary>
    internal StartupRecorder Startup => _startup;

    /// <summary>
    /// Gets the context's components (every one that is in, a provider's own instance "&amp;name" included), with their classes,
    /// where they came from, their state and what they link to. Computed on each read: keep the list rather than reading it in
    /// a loop.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context is not running (before refresh, or after shutdown).</exception>
    public IReadOnlyList<ComponentInfo> Components => ComponentInfos.Of(this, Running());

    /// <summary>
    /// Gets the start-up timeline, always recorded: one step per refresh phase, and per component one "create" step (its
    /// constructor or factory and member injection), one "post-construct" step (when it has [PostConstruct] methods) and one
    /// "on-start" step (when it has [OnStart] methods), in the order they began, with offsets from the beginning of refresh.
    /// A Prototype made several times during refresh (injected into several singletons) has one "create" step per instance.
    /// Only refresh is recorded: components created afterwards (lazy singletons, prototypes, Request components) add nothing.
    /// Reading does not clear it; it stays readable after shutdown, and after a failed refresh (the steps up to the failure).
    /// Before refresh it is empty; during refresh it holds the steps that have ended.
    /// </summary>
    /// <remarks>
    /// Dependencies are created before the components that need them (creation order), so a singleton's dependencies' steps end
    /// before its own "create" step begins. A dependency that does not exist yet when a component is created (a Prototype, a
    /// service descriptor's singleton made on first use) is created inside that component's "create" step: its own step begins
    /// after the outer one and ends before it.
    /// </remarks>
    public IReadOnlyList<StartupStep> StartupSteps => _startup.Steps();

    /// <summary>
    /// Writes the dependency graph as text: every component and every link (<see cref="Components"/>), or the part reachable from
    /// <paramref name="root"/> within <paramref name="depth"/> links. Lazy links are drawn dashed, links that close a cycle red
    /// (<c>"cycle": true</c> in JSON); framework services a component receives (the provider, the configuration, loggers) are
    /// drawn as nodes of their own shape in DOT and Mermaid, and are edge targets without a node in JSON.
    /// </summary>
    /// <param name="format">Graphviz DOT, a Mermaid flowchart, or JSON.</param>
    /// <param name="root">The component to start from, or <see langword="null"/> for the whole graph.</param>
    /// <param name="depth">How many links to follow from <paramref name="root"/> (0: the root alone); ignored without a root.</param>
    /// <returns>The graph in <paramref name="format"/>.</returns>
    /// <exception cref="ComponentNotFoundException"><paramref name="root"/> is not a component; the message suggests the closest names.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative, or <paramref name="format"/> is not a <see cref="GraphFormat"/>.</exception>
    /// <exception cref="InvalidOperationException">The context is not running (before refresh, or after shutdown).</exception>
    /// <example>
    /// <code>
    /// File.WriteAllText("graph.dot", context.ExportGraph(GraphFormat.Dot));                      // dot -Tsvg graph.dot -o graph.svg
    /// Console.WriteLine(context.ExportGraph(GraphFormat.Mermaid, root: "UserController", depth: 2));
    /// </code>
    /// </example>
    public string ExportGraph(GraphFormat format, string? root = null, int depth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, Errors.UnknownGraphFormat(format));
        }

        var graph = DependencyGraphExport.Build(this, Running(), root, depth);
        return format switch
        {
            GraphFormat.Dot => DotGraphWriter.Write(graph),
            GraphFormat.Mermaid => MermaidGraphWriter.Write(graph),
            _ => JsonGraphWriter.Write(graph),
        };
    }
}
