using Sprig.Aot.Tests.Proxies;
using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Diagnostics;

/// <summary>The start-up timeline, the components' links and the graph export with the reflection fallback off.</summary>
public sealed class DiagnosticsTests
{
    /// <summary>Registered by type, not scanned (no component attribute): the hooks are timed.</summary>
    public sealed class Siren(LazyProxyTests.Alarm alarm)
    {
        public LazyProxyTests.Alarm Alarm { get; } = alarm;

        public bool Armed { get; private set; }

        [PostConstruct]
        public void Arm() => Armed = true;

        [OnStart]
        public Task StartAsync() => Task.CompletedTask;
    }

    [Fact]
    public void StartupSteps_TimeEachCreationAndHook()
    {
        using var context = Contexts.Refreshed(typeof(LazyProxyTests.Clock), typeof(LazyProxyTests.Alarm), typeof(Siren));

        context.StartupSteps.Select(s => $"{s.Phase} {s.Name}").Should().Equal(
            "registration registration", "conditions conditions", "planning planning", "validation validation", "ordering ordering",
            "instantiation instantiation", "create Clock", "create Alarm", "create Siren", "post-construct Siren", "start start", "on-start Siren");
    }

    [Fact]
    public void ExportGraph_WritesEveryFormat()
    {
        using var context = Contexts.Refreshed(typeof(LazyProxyTests.Clock), typeof(LazyProxyTests.Alarm), typeof(Siren));

        context.Components.Select(c => $"{c.Name}: {string.Join(", ", c.Dependencies.Select(d => $"{d.Kind} {d.Component}"))}")
            .Should().Equal("Clock: ", "Alarm: lazy Clock", "Siren: type Alarm");
        context.ExportGraph(GraphFormat.Mermaid).Should().Be(
            "flowchart LR\n    n0[\"Clock\"]\n    n1[\"Alarm\"]\n    n2[\"Siren\"]\n    n1 -.->|lazy| n0\n    n2 --> n1\n");
        context.ExportGraph(GraphFormat.Dot, "Siren", 1).Should().Contain("  n1 -> n0;\n");
        context.ExportGraph(GraphFormat.Json).Should().Contain("\"from\": \"Alarm\",");
    }
}
