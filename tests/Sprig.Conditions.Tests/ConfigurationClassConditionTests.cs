using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>Conditions on [Configuration] classes (applying to their [Bean]s), on [Bean] methods, and on [Provider]s.</summary>
public sealed class ConfigurationClassConditionTests
{
    public sealed class Clock;

    public sealed class Ledger;

    public interface ICache;

    public sealed class MemoryCache : ICache;

    [Configuration, ConditionalOnProperty("billing.enabled")]
    public sealed class BillingConfiguration
    {
        [Bean]
        public Ledger Ledger() => new();
    }

    [Configuration]
    public sealed class TimeConfiguration
    {
        [Bean, ConditionalOnProperty("time.fake")]
        public Clock FakeClock() => new();

        [Bean("SystemClock"), ConditionalOnProperty("time.fake", HavingValue = "false", MatchIfMissing = true)]
        public Clock RealClock() => new();
    }

    [Configuration]
    public sealed class CacheConfiguration
    {
        [Bean, ConditionalOnMissingBean(typeof(ICache))]
        public ICache DefaultCache() => new MemoryCache();
    }

    [Service]
    public sealed class RedisCache : ICache;

    // A Spring Boot auto-configuration: the whole class backs off when the application has its own ICache.
    [Configuration, ConditionalOnMissingBean(typeof(ICache))]
    public sealed class CacheAutoConfiguration
    {
        [Bean]
        public ICache AutoCache() => new MemoryCache();
    }

    public sealed class Connection;

    [Provider, ConditionalOnProperty("db.url")]
    public sealed class ConnectionProvider : IProvider<Connection>
    {
        public Connection Get() => new();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ConditionOnConfigurationClass_AppliesToItsBeans(string enabled, bool included) =>
        new ContextRunner().WithComponents(typeof(BillingConfiguration)).WithProperty("billing.enabled", enabled).Run(context =>
        {
            context.Contains("BillingConfiguration").Should().Be(included);
            context.Contains("Ledger").Should().Be(included);
        });

    [Fact]
    public void ConditionOnConfigurationClass_IsReportedForItsBean() =>
        new ContextRunner().WithComponents(typeof(BillingConfiguration)).WithProperty("billing.enabled", "false").Run(context =>
            context.ConditionReport.Explain("Ledger").Should().Be(
                "Ledger: out — [Bean] of 'BillingConfiguration' which is out "
                + "(ConditionalOnProperty('billing.enabled') found 'false' (from in-memory configuration))"));

    [Theory]
    [InlineData("true", "FakeClock", "SystemClock")]
    [InlineData("false", "SystemClock", "FakeClock")]
    [InlineData(null, "SystemClock", "FakeClock")]
    public void ConditionOnBeanMethod_ChoosesBetweenBeans(string? fake, string present, string absent) =>
        new ContextRunner().WithComponents(typeof(TimeConfiguration)).WithProperty("time.fake", fake).Run(context =>
        {
            context.Contains("TimeConfiguration").Should().BeTrue();
            context.Contains(present).Should().BeTrue();
            context.Contains(absent).Should().BeFalse();
            context.Get<Clock>().Should().BeSameAs(context.Get(present));
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnMissingBeanOnBeanMethod_BacksOff_WhenApplicationDefinesTheType(bool configurationFirst)
    {
        Type[] order = configurationFirst ? [typeof(CacheConfiguration), typeof(RedisCache)] : [typeof(RedisCache), typeof(CacheConfiguration)];
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("DefaultCache").Should().BeFalse();
            context.Get<ICache>().Should().BeOfType<RedisCache>();
        });
    }

    [Fact]
    public void OnMissingBeanOnBeanMethod_Includes_WhenNothingElseDefinesTheType() =>
        new ContextRunner().WithComponents(typeof(CacheConfiguration))
            .Run(context => context.Get<ICache>().Should().BeOfType<MemoryCache>());

    [Fact]
    public void OnMissingBeanOnConfigurationClass_IncludesItsBean_WhenNothingElseDefinesTheType() =>
        new ContextRunner().WithComponents(typeof(CacheAutoConfiguration)).Run(context =>
        {
            context.Contains("AutoCache").Should().BeTrue();
            context.Get<ICache>().Should().BeOfType<MemoryCache>();
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnMissingBeanOnConfigurationClass_BacksOff_WhenApplicationDefinesTheType(bool configurationFirst)
    {
        Type[] order = configurationFirst ? [typeof(CacheAutoConfiguration), typeof(RedisCache)] : [typeof(RedisCache), typeof(CacheAutoConfiguration)];
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("AutoCache").Should().BeFalse();
            context.Get<ICache>().Should().BeOfType<RedisCache>();
        });
    }

    [Fact]
    public void ConditionOnProvider_IncludesItsProduct_WhenMatched() =>
        new ContextRunner().WithComponents(typeof(ConnectionProvider)).WithProperty("db.url", "postgres://x").Run(context =>
        {
            context.Contains("ConnectionProvider").Should().BeTrue();
            context.Get<Connection>().Should().NotBeNull();
        });

    [Fact]
    public void ConditionOnProvider_ExcludesItsProduct_WhenNotMatched() =>
        new ContextRunner().WithComponents(typeof(ConnectionProvider)).Run(context =>
        {
            context.Contains("ConnectionProvider").Should().BeFalse();
            context.GetAll<Connection>().Should().BeEmpty();
            context.ConditionReport.Explain("ConnectionProvider").Should().Be(
                "ConnectionProvider: out — ConditionalOnProperty('db.url') did not find the property");
            context.ConditionReport.Components.Select(c => c.Component).Should().Equal("ConnectionProvider");
        });

    [Service, ConditionalOnBean(typeof(Connection))]
    public sealed class ConnectionHealth;

    [Component(Scope = Scope.Prototype)]
    public sealed class Exploding
    {
        public Exploding() => throw new InvalidOperationException("conditions must not create components");
    }

    [Service, ConditionalOnBean("Exploding")]
    public sealed class ExplodingWatcher;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnBeanByType_MatchesProviderProduct(bool providerFirst)
    {
        Type[] order = providerFirst ? [typeof(ConnectionProvider), typeof(ConnectionHealth)] : [typeof(ConnectionHealth), typeof(ConnectionProvider)];
        new ContextRunner().WithComponents(order).WithProperty("db.url", "postgres://x").Run(context =>
            context.ConditionReport.Explain("ConnectionHealth").Should().Be(
                "ConnectionHealth: in — ConditionalOnBean(Connection) found 'ConnectionProvider' of type Connection"));
    }

    [Fact]
    public void OnBeanByType_Excludes_WhenProviderIsExcluded() =>
        new ContextRunner().WithComponents(typeof(ConnectionHealth), typeof(ConnectionProvider))
            .Run(context => context.Contains("ConnectionHealth").Should().BeFalse());

    [Fact]
    public void ConditionEvaluation_DoesNotCreateComponents() =>
        new ContextRunner().WithComponents(typeof(ExplodingWatcher), typeof(Exploding))
            .Run(context => context.Contains("ExplodingWatcher").Should().BeTrue());
}
