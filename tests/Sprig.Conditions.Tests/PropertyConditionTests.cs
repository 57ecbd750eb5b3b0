using Microsoft.Extensions.Configuration;
using Sprig.Conditions.Tests.Support;
using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>[ConditionalOnProperty]: HavingValue, MatchIfMissing, present-and-not-false, repeatable, relaxed keys.</summary>
public sealed class PropertyConditionTests
{
    private static readonly ContextRunner Runner = new ContextRunner().WithComponents(typeof(EmailService));

    [Service, ConditionalOnProperty("feature.email", HavingValue = "true")]
    public sealed class EmailService;

    [Service, ConditionalOnProperty("feature.cache")]
    public sealed class CacheService;

    [Service, ConditionalOnProperty("feature.audit", HavingValue = "on", MatchIfMissing = true)]
    public sealed class AuditService;

    [Service, ConditionalOnProperty("feature.a"), ConditionalOnProperty("feature.b", HavingValue = "yes")]
    public sealed class TwoPropertiesService;

    [Fact]
    public void OnProperty_Includes_WhenValueEqualsHavingValue() =>
        Runner.WithProperty("feature.email", "true").Run(context => context.Contains("EmailService").Should().BeTrue());

    [Fact]
    public void OnProperty_Includes_WhenValueEqualsHavingValueIgnoringCase() =>
        Runner.WithProperty("feature.email", "TRUE").Run(context => context.Contains("EmailService").Should().BeTrue());

    [Fact]
    public void OnProperty_Excludes_WhenValueDiffersFromHavingValue() =>
        Runner.WithProperty("feature.email", "false").Run(context => context.Contains("EmailService").Should().BeFalse());

    [Fact]
    public void OnProperty_Excludes_WhenPropertyIsMissing() =>
        Runner.Run(context => context.Contains("EmailService").Should().BeFalse());

    [Fact]
    public void OnProperty_Includes_WhenPropertyIsMissingAndMatchIfMissing() =>
        new ContextRunner().WithComponents(typeof(AuditService))
            .Run(context => context.Contains("AuditService").Should().BeTrue());

    [Fact]
    public void OnProperty_Excludes_WhenPropertyIsSetToOtherValueAndMatchIfMissing() =>
        new ContextRunner().WithComponents(typeof(AuditService)).WithProperty("feature:audit", "off")
            .Run(context => context.Contains("AuditService").Should().BeFalse());

    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("anything")]
    public void OnPropertyWithoutHavingValue_Includes_WhenPresentAndNotFalse(string value) =>
        new ContextRunner().WithComponents(typeof(CacheService)).WithProperty("feature.cache", value)
            .Run(context => context.Contains("CacheService").Should().BeTrue());

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    public void OnPropertyWithoutHavingValue_Excludes_WhenFalse(string value) =>
        new ContextRunner().WithComponents(typeof(CacheService)).WithProperty("feature.cache", value)
            .Run(context => context.Contains("CacheService").Should().BeFalse());

    [Fact]
    public void OnPropertyWithoutHavingValue_Excludes_WhenMissing() =>
        new ContextRunner().WithComponents(typeof(CacheService))
            .Run(context => context.Contains("CacheService").Should().BeFalse());

    [Theory]
    [InlineData("true", "yes", true)]
    [InlineData("true", "no", false)]
    [InlineData("false", "yes", false)]
    [InlineData(null, "yes", false)]
    [InlineData("true", null, false)]
    public void RepeatedOnProperty_IncludesOnlyWhenEveryConditionMatches(string? a, string? b, bool included) =>
        new ContextRunner().WithComponents(typeof(TwoPropertiesService)).WithProperty("feature.a", a).WithProperty("feature.b", b)
            .Run(context => context.Contains("TwoPropertiesService").Should().Be(included));

    [Fact]
    public void RepeatedOnProperty_ReportsEveryCondition_WhenOneFails() =>
        new ContextRunner().WithComponents(typeof(TwoPropertiesService)).WithProperty("feature.a", "true").WithProperty("feature.b", "no")
            .Run(context => context.ConditionReport.Explain("TwoPropertiesService").Should().Be(
                "TwoPropertiesService: out — ConditionalOnProperty('feature.a') found 'true' (from in-memory configuration); "
                + "ConditionalOnProperty('feature.b', HavingValue='yes') found 'no' (from in-memory configuration)"));

    [Fact]
    public void OnProperty_Includes_WhenKeyIsGivenWithColon() =>
        Runner.WithProperty("feature:email", "true").Run(context => context.Contains("EmailService").Should().BeTrue());

    [Fact]
    public void OnPropertyWithColonKey_Includes_WhenConfigurationHasNestedSection()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature:colon", "true")), typeof(ColonKeyService));
        context.Refresh();

        context.Contains("ColonKeyService").Should().BeTrue();
    }

    [Fact]
    public void OnProperty_Includes_WhenInMemorySourceStoresDottedKeyFlat()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature.email", "true")), typeof(EmailService));
        context.Refresh();

        context.Contains("EmailService").Should().BeTrue();
        context.GetProperty("feature.email").Should().Be("true");
        context.GetProperty("feature:email").Should().Be("true");
    }

    [Fact]
    public void OnPropertyWithColonKey_Includes_WhenInMemorySourceStoresDottedKeyFlat()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature.colon", "true")), typeof(ColonKeyService));
        context.Refresh();

        context.Contains("ColonKeyService").Should().BeTrue();
    }

    [Fact]
    public void OnProperty_Excludes_WhenFlatDottedKeyIsFalse()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature.email", "false")), typeof(EmailService));
        context.Refresh();

        context.Contains("EmailService").Should().BeFalse();
        context.ConditionReport.Explain("EmailService").Should().Be(
            "EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from in-memory configuration)");
    }

    [Service, ConditionalOnProperty("payments.apiKey"), ConditionalOnProperty("payments:signing-secret", HavingValue = "s3cr3t")]
    public sealed class PaymentsService;

    [Fact]
    public void OnProperty_ReportsNoValue_WhenTheKeyLooksSecret()
    {
        using var context = Contexts.Create(
            Contexts.InMemory(("payments.apiKey", "sk_live_4242"), ("payments:signing-secret", "wrong-secret")), typeof(PaymentsService));
        context.Refresh();

        context.ConditionReport.Explain("PaymentsService").Should().Be(
            "PaymentsService: out — ConditionalOnProperty('payments.apiKey') found '******' (from in-memory configuration); "
            + "ConditionalOnProperty('payments:signing-secret', HavingValue='s3cr3t') found '******' (from in-memory configuration)");
    }

    [Service, ConditionalOnProperty("feature:colon")]
    public sealed class ColonKeyService;

    [Service]
    public sealed class TimeoutHolder
    {
        [Value("feature.timeout")]
        public int Timeout { get; set; } = 5;

        [Value("feature:retries")]
        public int Retries { get; set; } = 1;
    }

    [Fact]
    public void Value_BindsRelaxedKeys_WhenSourceStoresDottedKeyFlat()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature.timeout", "30"), ("feature.retries", "3")), typeof(TimeoutHolder));
        context.Refresh();

        context.Get<TimeoutHolder>().Timeout.Should().Be(30);
        context.Get<TimeoutHolder>().Retries.Should().Be(3);
    }

    [Fact]
    public void Value_BindsRelaxedKeys_WhenSourceStoresColonKey()
    {
        using var context = Contexts.Create(Contexts.InMemory(("feature:timeout", "30"), ("feature:retries", "3")), typeof(TimeoutHolder));
        context.Refresh();

        context.Get<TimeoutHolder>().Timeout.Should().Be(30);
        context.Get<TimeoutHolder>().Retries.Should().Be(3);
    }

    [Fact]
    public void RelaxedKey_HigherSourceWins_WhateverFormEachSourceUses()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("feature:email", "false")])
            .AddInMemoryCollection([new("feature.email", "true")])
            .Build();
        using var context = Contexts.Create(configuration, typeof(EmailService));
        context.Refresh();

        context.GetProperty("feature:email").Should().Be("true");
        context.Contains("EmailService").Should().BeTrue();
    }
}
