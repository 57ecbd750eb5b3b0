using Microsoft.Extensions.Logging;
using Sprig.Tests.Shared;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>Refresh logs one Information summary and, at Debug, one line per component it created.</summary>
public sealed class LoggingTests
{
    public sealed class Alpha;

    public sealed class Beta(Alpha alpha)
    {
        public Alpha Alpha { get; } = alpha;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Gamma;

    public interface IHelper
    {
        void Help();
    }

    public sealed class Helper : IHelper
    {
        public void Help()
        {
        }
    }

    /// <summary>Uses its lazy link in [PostConstruct], so Helper is created while Starter is, before Helper's own turn.</summary>
    public sealed class Starter
    {
        [Lazy]
        public IHelper Helper { get; set; } = null!;

        [PostConstruct]
        public void Init() => Helper.Help();
    }

    [Fact]
    public void Refresh_LogsOneInformationLineWithComponentCount()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta), typeof(Alpha), typeof(Gamma)), loggers: loggers);

        context.Refresh();

        var line = provider.Lines.Should().ContainSingle().Subject;
        line.Category.Should().Be("Sprig.ApplicationContext");
        line.Level.Should().Be(LogLevel.Information);
        line.Message.Should().MatchRegex(Summary("components=3, singletons created=2"));
    }

    [Fact]
    public void Refresh_LogsOneDebugLinePerCreatedComponent_WhenDebugIsEnabled()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta), typeof(Alpha), typeof(Gamma)), loggers: loggers);

        context.Refresh();

        var lines = provider.Lines;
        lines.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message).Should().Equal(
            "Created component Alpha (Sprig.Tests.Behaviour.LoggingTests.Alpha, Singleton)",
            "Created component Beta (Sprig.Tests.Behaviour.LoggingTests.Beta, Singleton)");
        lines.Where(l => l.Level == LogLevel.Information).Should().ContainSingle()
            .Which.Message.Should().MatchRegex(Summary("components=3, singletons created=2"));
        lines.Should().OnlyContain(l => l.Level == LogLevel.Debug || l.Level == LogLevel.Information);
    }

    [Fact]
    public void Refresh_LogsDebugLineForComponent_WhenItIsCreatedEarlyThroughLazyLink()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Starter), typeof(Helper)), loggers: loggers);

        context.Refresh();

        provider.Lines.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message).Should().BeEquivalentTo(
            "Created component Helper (Sprig.Tests.Behaviour.LoggingTests.Helper, Singleton)",
            "Created component Starter (Sprig.Tests.Behaviour.LoggingTests.Starter, Singleton)");
    }

    [Fact]
    public void Refresh_LogsNoDebugLines_WhenDebugIsDisabled()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta), typeof(Alpha)), loggers: loggers);

        context.Refresh();

        provider.Lines.Should().NotContain(l => l.Level == LogLevel.Debug);
    }

    [Fact]
    public void Refresh_LogsNoSummary_WhenRefreshFails()
    {
        var provider = new LogCapture();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta)), loggers: loggers);

        Assert.Throws<ComponentNotFoundException>(context.Refresh);

        provider.Lines.Should().BeEmpty();
    }

    private static string Summary(string counts) => $"^Sprig context refreshed in \\d+ ms: {counts}$";
}
