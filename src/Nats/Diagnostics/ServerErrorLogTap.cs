using Microsoft.Extensions.Logging;

namespace Sprig.Nats.Diagnostics;

/// <summary>
/// The logger factory NATS.Net gets: it forwards everything to the context's factory unchanged, and hands each server error
/// NATS.Net logs to <see cref="PermissionViolations"/>. NATS.Net raises its <c>ServerError</c> event from a background queue, so
/// the event may come after the PONG that followed the <c>-ERR</c>; the log line for the same error is written by the read loop
/// before it reads the PONG. Serving needs that order: once its PING is answered, every refused subscription is known. The
/// event is still handled too, so that a change to NATS.Net's log text costs only the order, not the error.
/// </summary>
internal sealed class ServerErrorLogTap(ILoggerFactory inner, PermissionViolations violations) : ILoggerFactory
{
    /// <summary>The category of NATS.Net's read loop, which logs "Server error {Error}".</summary>
    private const string ReadLoop = "NATS.Client.Core.Internal.NatsReadProtocolProcessor";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == ReadLoop ? new Tap(logger, violations) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The context owns the factory it was given.
    }

    private sealed class Tap(ILogger inner, PermissionViolations violations) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        // Server errors are logged as errors: they must reach this tap even when the application logs nothing.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error || inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    if (key == "Error" && value is string error)
                    {
                        violations.Report(error);
                    }
                }
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
