using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Sprig.Conditions;
using Sprig.Tests.Support;

namespace Sprig.Tests.Diagnostics;

/// <summary><see cref="ApplicationContext.ExportGraph"/>: DOT (parsed by Graphviz's own dot), Mermaid and JSON, whole or from a root.</summary>
public sealed partial class GraphExportTests
{
    private const string Motto = "Motto \"quoted\" <&> List`1 #1 \\ end";

    public interface IGrNotifier
    {
        void Notify(string text);
    }

    public interface IGrPlugin;

    [Component]
    public sealed class GrApi(GrService service, [InjectByName(Motto)] string motto, IEnumerable<IGrPlugin> plugins, IConfiguration configuration)
    {
        public object[] Parts => [service, motto, plugins, configuration];
    }

    [Component]
    public sealed class GrService(GrRepository repository, [Lazy] IGrNotifier notifier)
    {
        public object[] Parts => [repository, notifier];
    }

    [Component]
    public sealed class GrNotifier(GrService service) : IGrNotifier
    {
        public void Notify(string text) => _ = service;
    }

    [Component]
    public sealed class GrRepository(Lazy<GrClock> clock, GrConn connection)
    {
        public object[] Parts => [clock, connection];
    }

    [Component]
    public sealed class GrClock;

    [Component]
    public sealed class GrPluginA : IGrPlugin;

    [Component]
    public sealed class GrPluginB : IGrPlugin;

    public sealed class GrConn;

    [Provider("GrConn")]
    public sealed class GrConnProvider(GrClock clock) : IProvider<GrConn>
    {
        public GrConn Get() => clock is null ? throw new InvalidOperationException() : new GrConn();
    }

    private static ApplicationContext Refreshed()
    {
        var registry = Contexts.Registry(
                typeof(GrApi), typeof(GrService), typeof(GrNotifier), typeof(GrRepository), typeof(GrClock), typeof(GrPluginA), typeof(GrPluginB), typeof(GrConnProvider))
            .RegisterInstance(Motto, "keep going");
        var context = Contexts.Create(registry);
        context.Refresh();
        return context;
    }

    private const string Dot = """
        digraph sprig {
          rankdir=LR;
          node [shape=box, style=rounded, fontname="Helvetica"];
          edge [fontname="Helvetica", fontsize=10];
          n0 [label="GrApi"];
          n1 [label="GrService"];
          n2 [label="GrNotifier"];
          n3 [label="GrRepository"];
          n4 [label="GrClock"];
          n5 [label="GrPluginA"];
          n6 [label="GrPluginB"];
          n7 [label="&amp;GrConn"];
          n8 [label="GrConn"];
          n9 [label="Motto \"quoted\" <&amp;> List`1 #1 \\ end"];
          s0 [label="IConfiguration", shape=ellipse, style=dashed];
          n0 -> n1;
          n0 -> n9 [label="name"];
          n0 -> n5 [label="collection"];
          n0 -> n6 [label="collection"];
          n0 -> s0 [label="framework"];
          n1 -> n3;
          n1 -> n2 [style=dashed, color=red, fontcolor=red, label="lazy (cycle)"];
          n2 -> n1;
          n3 -> n4 [style=dashed, label="lazy"];
          n3 -> n8;
          n7 -> n4;
          n8 -> n7 [label="bean-factory"];
        }

        """;

    [Fact]
    public void ExportGraph_WritesDot_WithLazyLinksDashed_AndTheLinkThatClosesACycleRed()
    {
        using var context = Refreshed();

        context.ExportGraph(GraphFormat.Dot).Should().Be(Dot.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ExportGraph_WritesDot_ThatGraphvizDrawsWithOneNodePerComponentAndOneEdgePerLink()
    {
        using var context = Refreshed();
        var links = context.Components.Sum(c => c.Dependencies.Count);

        var (exitCode, svg, errors) = await RunDotAsync(context.ExportGraph(GraphFormat.Dot));

        exitCode.Should().Be(0, errors);
        errors.Should().BeEmpty();
        NodeClass().Count(svg).Should().Be(context.Components.Count + 1, "one node per component and one for the configuration injected");
        EdgeClass().Count(svg).Should().Be(links).And.Be(12);
        svg.Should().Contain(">Motto &quot;quoted&quot; &lt;&amp;&gt; List`1 #1 \\ end</text>").And.Contain(">&amp;GrConn</text>");
    }

    [Fact]
    public void ExportGraph_WritesMermaid_OneLinePerNodeAndEdge_LazyArrowsDotted_CyclesStyled()
    {
        using var context = Refreshed();

        var mermaid = context.ExportGraph(GraphFormat.Mermaid);

        mermaid.Should().Be("""
            flowchart LR
                n0["GrApi"]
                n1["GrService"]
                n2["GrNotifier"]
                n3["GrRepository"]
                n4["GrClock"]
                n5["GrPluginA"]
                n6["GrPluginB"]
                n7["#38;GrConn"]
                n8["GrConn"]
                n9["Motto #34;quoted#34; #60;#38;#62; List#96;1 #35;1 #92; end"]
                s0(["IConfiguration"])
                n0 --> n1
                n0 -->|name| n9
                n0 -->|collection| n5
                n0 -->|collection| n6
                n0 -->|framework| s0
                n1 --> n3
                n1 -.->|lazy| n2
                n2 --> n1
                n3 -.->|lazy| n4
                n3 --> n8
                n7 --> n4
                n8 -->|bean-factory| n7
                linkStyle 6 stroke:#d32f2f,stroke-width:2px

            """.ReplaceLineEndings("\n"));
        var lines = mermaid.TrimEnd('\n').Split('\n');
        lines[0].Should().Be("flowchart LR");
        lines.Count(l => MermaidNode().IsMatch(l)).Should().Be(context.Components.Count + 1);
        lines.Count(l => MermaidEdge().IsMatch(l)).Should().Be(context.Components.Sum(c => c.Dependencies.Count));
        lines.Count(l => l.Contains("-.->", StringComparison.Ordinal)).Should().Be(context.Components.Sum(c => c.Dependencies.Count(d => d.Kind == "lazy")));
        lines.Should().OnlyContain(l => l == lines[0] || MermaidNode().IsMatch(l) || MermaidEdge().IsMatch(l) || l.StartsWith("    linkStyle ", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportGraph_WritesJson_WithEveryComponentAsANode_AndEveryLinkAsAnEdge()
    {
        using var context = Refreshed();

        var graph = JsonSerializer.Deserialize<JsonGraph>(context.ExportGraph(GraphFormat.Json), JsonSerializerOptions.Web)!;

        const string Ns = "Sprig.Tests.Diagnostics.GraphExportTests";
        graph.Nodes.Should().Equal(
            new JsonNode("GrApi", $"{Ns}.GrApi", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrService", $"{Ns}.GrService", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrNotifier", $"{Ns}.GrNotifier", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrRepository", $"{Ns}.GrRepository", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrClock", $"{Ns}.GrClock", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrPluginA", $"{Ns}.GrPluginA", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrPluginB", $"{Ns}.GrPluginB", "Singleton", "default", "attribute", "created"),
            new JsonNode("&GrConn", $"{Ns}.GrConnProvider", "Singleton", "default", "attribute", "created"),
            new JsonNode("GrConn", $"{Ns}.GrConn", "Singleton", "default", "[Provider] GraphExportTests.GrConnProvider", "created"),
            new JsonNode(Motto, "System.String", "Singleton", "default", "instance", "created"));
        graph.Edges.Should().Equal(
            new JsonEdge("GrApi", "GrService", "type", false),
            new JsonEdge("GrApi", Motto, "name", false),
            new JsonEdge("GrApi", "GrPluginA", "collection", false),
            new JsonEdge("GrApi", "GrPluginB", "collection", false),
            new JsonEdge("GrApi", "IConfiguration", "framework", false),
            new JsonEdge("GrService", "GrRepository", "type", false),
            new JsonEdge("GrService", "GrNotifier", "lazy", true),
            new JsonEdge("GrNotifier", "GrService", "type", false),
            new JsonEdge("GrRepository", "GrClock", "lazy", false),
            new JsonEdge("GrRepository", "GrConn", "type", false),
            new JsonEdge("&GrConn", "GrClock", "type", false),
            new JsonEdge("GrConn", "&GrConn", "bean-factory", false));
    }

    [Fact]
    public void ExportGraph_FollowsLinksFromTheRoot_UpToTheDepth()
    {
        using var context = Refreshed();
        JsonGraph Export(int depth) => JsonSerializer.Deserialize<JsonGraph>(context.ExportGraph(GraphFormat.Json, "GrService", depth), JsonSerializerOptions.Web)!;
        static string[] Edges(JsonGraph graph) => [.. graph.Edges.Select(e => $"{e.From} -{e.Kind}{(e.Cycle ? " cycle" : "")}-> {e.To}")];

        var root = Export(0);
        var one = Export(1);
        var two = Export(2);
        var all = Export(int.MaxValue);

        root.Nodes.Select(n => n.Name).Should().Equal("GrService");
        root.Edges.Should().BeEmpty();
        one.Nodes.Select(n => n.Name).Should().Equal("GrService", "GrNotifier", "GrRepository");
        Edges(one).Should().Equal("GrService -type-> GrRepository", "GrService -lazy-> GrNotifier");
        two.Nodes.Select(n => n.Name).Should().Equal("GrService", "GrNotifier", "GrRepository", "GrClock", "GrConn");
        Edges(two).Should().Equal(
            "GrService -type-> GrRepository", "GrService -lazy cycle-> GrNotifier", "GrNotifier -type-> GrService", "GrRepository -lazy-> GrClock", "GrRepository -type-> GrConn");
        all.Nodes.Select(n => n.Name).Should().Equal("GrService", "GrNotifier", "GrRepository", "GrClock", "&GrConn", "GrConn");
        Edges(all).Should().Equal([.. Edges(two), "&GrConn -type-> GrClock", "GrConn -bean-factory-> &GrConn"]);
        context.ExportGraph(GraphFormat.Mermaid, "GrService", 1).Should().Be("""
            flowchart LR
                n0["GrService"]
                n1["GrNotifier"]
                n2["GrRepository"]
                n0 --> n2
                n0 -.->|lazy| n1

            """.ReplaceLineEndings("\n"));
    }

    public interface IGrLeft
    {
        void Touch();
    }

    public interface IGrRight
    {
        void Touch();
    }

    [Component]
    public sealed class GrLeft([Lazy] IGrRight right) : IGrLeft
    {
        public void Touch() => _ = right;
    }

    [Component]
    public sealed class GrRight([Lazy] IGrLeft left) : IGrRight
    {
        public void Touch() => _ = left;
    }

    [Fact]
    public void ExportGraph_MarksEveryLazyLinkOfACycleMadeOnlyOfLazyLinks()
    {
        using var context = Contexts.Refreshed(typeof(GrLeft), typeof(GrRight));

        var graph = JsonSerializer.Deserialize<JsonGraph>(context.ExportGraph(GraphFormat.Json), JsonSerializerOptions.Web)!;

        graph.Edges.Should().Equal(new JsonEdge("GrLeft", "GrRight", "lazy", true), new JsonEdge("GrRight", "GrLeft", "lazy", true));
    }

    [Fact]
    public void ExportGraph_Throws_WhenTheRootIsNoComponent_SuggestingCloseNames()
    {
        using var context = Refreshed();

        var export = () => context.ExportGraph(GraphFormat.Dot, "GrServce");

        export.Should().Throw<ComponentNotFoundException>().WithMessage(
            "Cannot export the dependency graph from 'GrServce': 'GrServce' is not a component. Did you mean 'GrService'? "
            + "Pass the name of a component (ApplicationContext.Components lists them), or no root for the whole graph.")
            .Which.Should().Match<ComponentNotFoundException>(e => e.Requested == "GrServce" && e.Suggestions.SequenceEqual(new[] { "GrService" }));
    }

    [Component]
    [ConditionalOnProperty("mail.enabled")]
    public sealed class GrMailer;

    [Fact]
    public void ExportGraph_Throws_WhenTheRootIsExcludedByACondition_SayingWhy()
    {
        using var context = Contexts.Refreshed(typeof(GrClock), typeof(GrMailer));

        var export = () => context.ExportGraph(GraphFormat.Json, "GrMailer");

        export.Should().Throw<ComponentNotFoundException>().WithMessage(
            "Cannot export the dependency graph from 'GrMailer': 'GrMailer' is not a component, a condition excluded it "
            + "(ConditionalOnProperty('mail.enabled') did not find the property). "
            + "Pass the name of a component that is in, or change the configuration or the condition to include it.");
    }

    [Fact]
    public void ExportGraph_Throws_AsComponentsDoes_WhenTheContextIsNotRunning()
    {
        var context = Contexts.Create(typeof(GrClock));
        var export = () => context.ExportGraph(GraphFormat.Mermaid);
        var components = () => context.Components;

        export.Should().Throw<InvalidOperationException>().WithMessage(components.Should().Throw<InvalidOperationException>().Which.Message);
        context.Refresh();
        context.Dispose();
        export.Should().Throw<ObjectDisposedException>().WithMessage(components.Should().Throw<ObjectDisposedException>().Which.Message);
    }

    [Fact]
    public void ExportGraph_Throws_WhenTheDepthIsNegative()
    {
        using var context = Refreshed();

        var export = () => context.ExportGraph(GraphFormat.Json, "GrApi", -1);

        export.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("depth");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunDotAsync(string graph)
    {
        var start = new ProcessStartInfo("dot", "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(graph);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex("class=\"node\"")]
    private static partial Regex NodeClass();

    [GeneratedRegex("class=\"edge\"")]
    private static partial Regex EdgeClass();

    [GeneratedRegex("""^    (n|s)\d+(\["[^"]*"\]|\(\["[^"]*"\]\))$""")]
    private static partial Regex MermaidNode();

    [GeneratedRegex("""^    n\d+ (-->|-\.->)(\|[a-z-]+\|)? (n|s)\d+$""")]
    private static partial Regex MermaidEdge();

    private sealed record JsonGraph(IReadOnlyList<JsonNode> Nodes, IReadOnlyList<JsonEdge> Edges);

    private sealed record JsonNode(string Name, string Type, string Scope, string Namespace, string Origin, string State);

    private sealed record JsonEdge(string From, string To, string Kind, bool Cycle);
}
