using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Conditions;
using Sprig.Definitions;
using Sprig.Refresh;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 2: splits the registered definitions into included and excluded by their conditions, and reports why.</summary>
public sealed class ConditionPhaseTests
{
    [ConditionalOnProperty("feature.reports", HavingValue = "true")]
    public sealed class Reports
    {
    }

    [Profile("dev")]
    public sealed class DevClock
    {
    }

    [Profile("prod")]
    public sealed class ProdClock
    {
    }

    public sealed class Plain
    {
    }

    private static PendingRegistry Registry() =>
        new PendingRegistry().Register<Reports>().Register<DevClock>().Register<ProdClock>().Register<Plain>();

    [Fact]
    public void Run_IncludesComponentsWhoseConditionsMatch_AndExcludesTheOthers()
    {
        using var run = new PhaseRun(Registry(), new Dictionary<string, string?> { ["feature.reports"] = "true", ["profiles:active"] = "dev" });
        var registration = RegistrationPhase.Run(run.Registry);

        var conditioned = ConditionPhase.Run(registration, run.Configuration, NullLogger.Instance);

        conditioned.Registration.Should().BeSameAs(registration);
        conditioned.Included.Select(d => d.Name).Should().Equal("Reports", "DevClock", "Plain");
        conditioned.Excluded.Select(d => d.Name).Should().Equal("ProdClock");
        conditioned.Report.Components.Select(c => c.Text).Should().Equal(
            "Reports: in — ConditionalOnProperty('feature.reports', HavingValue='true') found 'true' (from in-memory configuration)",
            "DevClock: in — Profile('dev') found active profiles 'dev'",
            "ProdClock: out — Profile('prod') found active profiles 'dev'");
        conditioned.Report.Explain("Plain").Should().Be("Plain: in — no conditions");
    }

    [Fact]
    public void Run_ExcludesComponents_WhenThePropertyIsOffAndNoProfileIsActive()
    {
        using var run = new PhaseRun(Registry(), new Dictionary<string, string?> { ["feature.reports"] = "false" });

        var conditioned = ConditionPhase.Run(RegistrationPhase.Run(run.Registry), run.Configuration, NullLogger.Instance);

        conditioned.Included.Select(d => d.Name).Should().Equal("Plain");
        conditioned.Excluded.Select(d => d.Name).Should().Equal("Reports", "DevClock", "ProdClock");
        conditioned.Report.Excluded.Should().BeEquivalentTo(
            new ComponentConditions[]
            {
                new("Reports", false, [new("ConditionalOnProperty('feature.reports', HavingValue='true')", false, "found 'false' (from in-memory configuration)")]),
                new("DevClock", false, [new("Profile('dev')", false, "found no active profiles")]),
                new("ProdClock", false, [new("Profile('prod')", false, "found no active profiles")]),
            },
            options => options.ComparingRecordsByMembers().WithStrictOrdering());
        conditioned.Report.Included.Should().BeEmpty();
    }

    [Fact]
    public void Run_IncludesEverything_WhenNothingIsConditional()
    {
        // Built by hand: the phase needs nothing but the definitions.
        ComponentDefinition[] definitions =
        [
            new("plain", typeof(Plain), ComponentKind.Class, Scope.Singleton) { ImplementationType = typeof(Plain) },
            new("other", typeof(Plain), ComponentKind.Class, Scope.Prototype) { ImplementationType = typeof(Plain) },
        ];
        var registration = new Registration(definitions, [], []);

        var conditioned = ConditionPhase.Run(registration, new ConfigurationBuilder().Build(), NullLogger.Instance);

        conditioned.Included.Should().Equal(definitions);
        conditioned.Excluded.Should().BeEmpty();
        conditioned.Report.Components.Should().BeEmpty();
        conditioned.Report.ToString().Should().Be("No conditional components.");
        conditioned.Report.Explain("other").Should().Be("other: in — no conditions");
    }
}
