using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// Keeps every log line of a context, Sprig's and NATS.Net's, at every level with its exception, so that a test can show that
/// no secret reaches a log.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Gets the lines so far: level, category, message and exception.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Creates a logger factory that writes here, from Trace up.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $"\n{exception}")}");
    }
}
