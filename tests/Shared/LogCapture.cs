using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sprig.Tests.Shared;

/// <summary>
/// The test projects' one logger double: keeps every line logged through it, at every level, with its category and exception,
/// so that a test can assert what was logged (and that no secret was).
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Gets the lines so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Gets the lines so far as text: "{level} {category}: {message}", then the exception on the next line when there is one.</summary>
    public IReadOnlyList<string> Text => [.. _lines.Select(l => l.ToString())];

    /// <summary>Creates a logger factory that writes here, from <paramref name="minimum"/> up.</summary>
    public ILoggerFactory CreateFactory(LogLevel minimum = LogLevel.Trace) => LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One line a <see cref="LogCapture"/> kept.</summary>
internal sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception = null)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $"\n{Exception}")}";
}
