using Sprig.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Conditions.Tests.Support;
using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>The condition report: Explain texts, the source of a property, structured data, and the Debug log at refresh.</summary>
public sealed class ConditionReportTests
{
    private static readonly ContextRunner Runner = new ContextRunner().WithComponents(typeof(EmailService), typeof(SmsService), typeof(Plain));

    [Service, ConditionalOnProperty("feature.email", HavingValue = "true")]
    public sealed class EmailService;

    [Service, ConditionalOnProperty("feature.sms", MatchIfMissing = true)]
    public sealed class SmsService;

    [Service]
    public sealed class Plain;

    [Fact]
    public void Explain_DescribesExcludedComponent() =>
        Runner.WithProperty("feature.email", "false").Run(context =>
            context.ConditionReport.Explain("EmailService").Should().Be(
                "EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from in-memory configuration)"));

    [Fact]
    public void Explain_DescribesIncludedComponent() =>
        Runner.WithProperty("feature.email", "true").Run(context =>
            context.ConditionReport.Explain("EmailService").Should().Be(
                "EmailService: in — ConditionalOnProperty('feature.email', HavingValue='true') found 'true' (from in-memory configuration)"));

    [Fact]
    public void Explain_DescribesMatchIfMissing() =>
        Runner.Run(context =>
            context.ConditionReport.Explain("SmsService").Should().Be(
                "SmsService: in — ConditionalOnProperty('feature.sms', MatchIfMissing=true) did not find the property"));

    [Fact]
    public void Explain_SaysNoConditions_ForUnconditionalComponent() =>
        Runner.Run(context => context.ConditionReport.Explain("Plain").Should().Be("Plain: in — no conditions"));

    [Fact]
    public void Explain_SaysNotRegistered_ForUnknownName() =>
        Runner.Run(context => context.ConditionReport.Explain("Nobody").Should().Be("Nobody: not registered"));

    [Fact]
    public void Report_ListsConditionalComponentsAsStructuredData() =>
        Runner.WithProperty("feature.email", "false").Run(context =>
        {
            var report = context.ConditionReport;
            report.Components.Select(c => c.Component).Should().Equal("EmailService", "SmsService");
            report.Included.Select(c => c.Component).Should().Equal("SmsService");
            report.Excluded.Select(c => c.Component).Should().Equal("EmailService");
            report.Components[0].Should().BeEquivalentTo(new ComponentConditions(
                "EmailService",
                false,
                [new ConditionResult("ConditionalOnProperty('feature.email', HavingValue='true')", false, "found 'false' (from in-memory configuration)")]));
        });

    [Fact]
    public void ReportToString_ListsOneLinePerConditionalComponent() =>
        Runner.WithProperty("feature.email", "false").Run(context =>
            context.ConditionReport.ToString().Should().Be(
                "EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from in-memory configuration)"
                + Environment.NewLine
                + "SmsService: in — ConditionalOnProperty('feature.sms', MatchIfMissing=true) did not find the property"));

    [Fact]
    public void ReportToString_SaysSo_WhenNothingIsConditional() =>
        new ContextRunner().WithComponents(typeof(Plain)).Run(context =>
        {
            context.ConditionReport.Components.Should().BeEmpty();
            context.ConditionReport.ToString().Should().Be("No conditional components.");
        });

    [Fact]
    public void Report_IsEmpty_BeforeRefresh()
    {
        using var context = Runner.CreateContext();

        context.ConditionReport.Components.Should().BeEmpty();
        context.ConditionReport.Explain("EmailService").Should().Be("EmailService: not registered");
    }

    [Fact]
    public void Report_IsLoggedAtDebug_WhenRefreshEvaluatesConditions()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));

        Runner.WithProperty("feature.email", "false").WithLoggerFactory(loggers).Run(_ => { });

        var line = provider.Lines.Should().ContainSingle(l => l.Message.StartsWith("Condition evaluation report:", StringComparison.Ordinal)).Subject;
        line.Level.Should().Be(LogLevel.Debug);
        line.Category.Should().Be("Sprig.ApplicationContext");
        line.Message.Should().Be(
            "Condition evaluation report:" + Environment.NewLine
            + "EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from in-memory configuration)"
            + Environment.NewLine
            + "SmsService: in — ConditionalOnProperty('feature.sms', MatchIfMissing=true) did not find the property");
    }

    [Fact]
    public void Report_IsNotLogged_WhenDebugIsDisabled()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));

        Runner.WithLoggerFactory(loggers).Run(_ => { });

        provider.Lines.Should().NotBeEmpty();
        provider.Lines.Should().NotContain(l => l.Message.Contains("Condition evaluation report", StringComparison.Ordinal));
    }
}

/// <summary>The report names the environment variable a property came from. Sets process environment variables, so not parallel.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConditionReportEnvironmentTests
{
    private const string Variable = "SPRIGTESTS__REPORTENV__EMAIL";

    [Service, ConditionalOnProperty("sprigtests.reportenv.email", HavingValue = "true")]
    public sealed class EnvEmailService;

    [Fact]
    public void Explain_NamesTheEnvironmentVariable_WhenPropertyComesFromEnvironment()
    {
        Environment.SetEnvironmentVariable(Variable, "false");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            using var context = Contexts.Create(configuration, typeof(EnvEmailService));
            context.Refresh();

            context.Contains("EnvEmailService").Should().BeFalse();
            context.ConditionReport.Explain("EnvEmailService").Should().Be(
                "EnvEmailService: out — ConditionalOnProperty('sprigtests.reportenv.email', HavingValue='true') found 'false' "
                + $"(from environment variable {Variable})");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
