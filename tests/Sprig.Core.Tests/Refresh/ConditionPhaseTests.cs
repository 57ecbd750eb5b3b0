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

    /// <summary>A condition that fails to evaluate.</summary>
    public sealed class FeatureServiceAttribute : ConditionAttribute
    {
        public override string Description => "FeatureService()";

        public override ConditionOutcome Evaluate(ConditionContext context) => throw new InvalidOperationException("the feature service is down");
    }

    [FeatureService]
    public sealed class Flagged
    {
    }

    public interface IMailer
    {
    }

    public sealed class Signup(IMailer mailer)
    {
        public IMailer Mailer { get; } = mailer;
    }

    [Fact]
    public void Run_LeavesOutAComponentWhoseConditionThrows_AndReturnsTheProblem()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Flagged>().Register<Plain>());

        var conditioned = ConditionPhase.Run(RegistrationPhase.Run(run.Registry), run.Configuration, NullLogger.Instance);

        conditioned.Included.Select(d => d.Name).Should().Equal("Plain");
        conditioned.Problems.Select(p => p.Message).Should().Equal(
            "Evaluating FeatureService() of 'Flagged' failed: InvalidOperationException: the feature service is down. A condition must not throw; fix the condition.");
        conditioned.Report.Explain("Flagged").Should().Be("Flagged: out — FeatureService() threw InvalidOperationException: the feature service is down");
    }

    [Fact]
    public void Refresh_ReportsAThrowingCondition_TogetherWithEveryOtherProblem()
    {
        using var context = new ApplicationContext(
            new PendingRegistry().Register<Flagged>().Register<Signup>(), new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);

        var thrown = Assert.Throws<ContainerException>(context.Refresh);

        thrown.Problems.Select(p => p.Message).Should().Equal(
            "Evaluating FeatureService() of 'Flagged' failed: InvalidOperationException: the feature service is down. A condition must not throw; fix the condition.",
            "'Signup' needs a component of type 'ConditionPhaseTests.IMailer' for constructor parameter 'mailer', but none is registered. "
            + "Path: Signup. Register a class that is or implements ConditionPhaseTests.IMailer (mark it [Component] or [Service]), "
            + "or make it optional by giving the parameter a default value.");
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
