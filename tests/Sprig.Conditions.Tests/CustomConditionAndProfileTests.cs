using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>[Conditional(typeof(X))] with custom ICondition classes, and [Profile] with profiles from code and configuration.</summary>
public sealed class CustomConditionAndProfileTests
{
    public sealed class IsProduction : ICondition
    {
        public bool Matches(ConditionContext context) => context.ActiveProfiles.Contains("production");
    }

    public sealed class RegionIsEu : ICondition
    {
        public bool Matches(ConditionContext context) => context.GetProperty("app.region") == "eu";
    }

    public sealed class HasAuditLog : ICondition
    {
        public bool Matches(ConditionContext context) => context.ContainsComponent("AuditLog");
    }

    public sealed class NotACondition;

    [Service, Conditional(typeof(IsProduction))]
    public sealed class RealPayments;

    [Service, Conditional(typeof(RegionIsEu))]
    public sealed class GdprService;

    [Service, Conditional(typeof(HasAuditLog))]
    public sealed class AuditReporter;

    [Service, ConditionalOnProperty("audit.enabled")]
    public sealed class AuditLog;

    [Service, Conditional(typeof(NotACondition))]
    public sealed class BrokenCondition;

    [Service, Profile("dev")]
    public sealed class DevTools;

    [Service, Profile("!dev")]
    public sealed class ProductionTools;

    [Service, Profile("staging", "production")]
    public sealed class Monitoring;

    [Fact]
    public void Conditional_Includes_WhenCustomConditionMatches() =>
        new ContextRunner().WithComponents(typeof(GdprService)).WithProperty("app.region", "eu").Run(context =>
        {
            context.Contains("GdprService").Should().BeTrue();
            context.ConditionReport.Explain("GdprService").Should().Be("GdprService: in — Conditional(RegionIsEu) RegionIsEu.Matches returned true");
        });

    [Fact]
    public void Conditional_Excludes_WhenCustomConditionDoesNotMatch() =>
        new ContextRunner().WithComponents(typeof(GdprService)).WithProperty("app.region", "us").Run(context =>
        {
            context.Contains("GdprService").Should().BeFalse();
            context.ConditionReport.Explain("GdprService").Should().Be("GdprService: out — Conditional(RegionIsEu) RegionIsEu.Matches returned false");
        });

    [Fact]
    public void Conditional_SeesActiveProfiles() =>
        new ContextRunner().WithComponents(typeof(RealPayments)).WithProfiles("production")
            .Run(context => context.Contains("RealPayments").Should().BeTrue());

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "true")]
    [InlineData(true, "false")]
    [InlineData(false, "false")]
    public void Conditional_UsingContainsComponent_FollowsTheOtherComponentsCondition(bool reporterFirst, string audit)
    {
        Type[] order = reporterFirst ? [typeof(AuditReporter), typeof(AuditLog)] : [typeof(AuditLog), typeof(AuditReporter)];
        new ContextRunner().WithComponents(order).WithProperty("audit.enabled", audit)
            .Run(context => context.Contains("AuditReporter").Should().Be(audit == "true"));
    }

    [Fact]
    public void Refresh_Throws_WhenConditionalTypeIsNotACondition()
    {
        using var context = new ContextRunner().WithComponents(typeof(BrokenCondition)).CreateContext();

        var ex = Assert.ThrowsAny<ContainerException>(context.Refresh);

        ex.Message.Should().Be(
            "'BrokenCondition' has [Conditional(typeof(NotACondition))], which cannot be evaluated: NotACondition must be a class that implements ICondition "
            + "and has a public parameterless constructor.");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Profile_Includes_WhenActivatedInCode() =>
        new ContextRunner().WithComponents(typeof(DevTools), typeof(ProductionTools)).WithProfiles("dev").Run(context =>
        {
            context.Contains("DevTools").Should().BeTrue();
            context.Contains("ProductionTools").Should().BeFalse();
            context.ConditionReport.Explain("ProductionTools").Should().Be("ProductionTools: out — Profile('!dev') found active profiles 'dev'");
        });

    [Fact]
    public void Profile_Includes_WhenActivatedByProperty() =>
        new ContextRunner().WithComponents(typeof(DevTools), typeof(ProductionTools)).WithProperty("profiles:active", "qa, dev").Run(context =>
        {
            context.Contains("DevTools").Should().BeTrue();
            context.Contains("ProductionTools").Should().BeFalse();
            context.ConditionReport.Explain("DevTools").Should().Be("DevTools: in — Profile('dev') found active profiles 'dev', 'qa'");
        });

    [Fact]
    public void Profile_Includes_WhenActivatedByDottedProperty() =>
        new ContextRunner().WithComponents(typeof(DevTools)).WithProperty("profiles.active", "dev")
            .Run(context => context.Contains("DevTools").Should().BeTrue());

    [Fact]
    public void Profile_CombinesProfilesFromPropertyAndCode() =>
        new ContextRunner().WithComponents(typeof(DevTools), typeof(Monitoring)).WithProperty("profiles:active", "dev").WithProfiles("staging")
            .Run(context =>
            {
                context.Contains("DevTools").Should().BeTrue();
                context.Contains("Monitoring").Should().BeTrue();
                context.ActiveProfiles.Should().BeEquivalentTo("dev", "staging");
            });

    [Fact]
    public void NegatedProfile_Includes_WhenNoProfileIsActive() =>
        new ContextRunner().WithComponents(typeof(DevTools), typeof(ProductionTools)).Run(context =>
        {
            context.Contains("DevTools").Should().BeFalse();
            context.Contains("ProductionTools").Should().BeTrue();
            context.ConditionReport.Explain("DevTools").Should().Be("DevTools: out — Profile('dev') found no active profiles");
        });

    [Theory]
    [InlineData("staging", true)]
    [InlineData("production", true)]
    [InlineData("dev", false)]
    public void ProfileWithSeveralNames_Includes_WhenAnyIsActive(string profile, bool included) =>
        new ContextRunner().WithComponents(typeof(Monitoring)).WithProfiles(profile)
            .Run(context => context.Contains("Monitoring").Should().Be(included));

    [Fact]
    public void Profile_MatchesIgnoringCase() =>
        new ContextRunner().WithComponents(typeof(DevTools)).WithProfiles("DEV")
            .Run(context => context.Contains("DevTools").Should().BeTrue());
}
