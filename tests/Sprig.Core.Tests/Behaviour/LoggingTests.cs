using Microsoft.Extensions.Logging;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>Refresh logs one Information summary and, at Debug, one line per component it created.</summary>
public sealed class LoggingTests
{
    public sealed record LogLine(string Category, LogLevel Level, string Message);

    /// <summary>Keeps every line logged through it.</summary>
    public sealed class CapturingProvider : ILoggerProvider
    {
        private readonly Lock _gate = new();
        private readonly List<LogLine> _lines = [];

        public IReadOnlyList<LogLine> Lines
        {
            get
            {
                lock (_gate)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private void Add(LogLine line)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }
        }

        private sealed class Logger(CapturingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Add(new LogLine(category, logLevel, formatter(state, exception)));
        }
    }

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
        var provider = new CapturingProvider();
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
        var provider = new CapturingProvider();
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
        var provider = new CapturingProvider();
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
        var provider = new CapturingProvider();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta), typeof(Alpha)), loggers: loggers);

        context.Refresh();

        provider.Lines.Should().NotContain(l => l.Level == LogLevel.Debug);
    }

    [Fact]
    public void Refresh_LogsNoSummary_WhenRefreshFails()
    {
        var provider = new CapturingProvider();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        using var context = Contexts.Create(Contexts.Registry(typeof(Beta)), loggers: loggers);

        Assert.Throws<ComponentNotFoundException>(context.Refresh);

        provider.Lines.Should().BeEmpty();
    }

    private static string Summary(string counts) => $"^Sprig context refreshed in \\d+ ms: {counts}$";
}
