using Microsoft.Extensions.Logging;

namespace Sprig.Governance;

/// <summary>Governance's decisions, each logged once with the address and the reason (category <c>Sprig.Governance</c>).</summary>
internal static partial class GovernanceLog
{
    [LoggerMessage(1, LogLevel.Information, "Retrying the call of {Address} in {DelayMs} ms (retry {Retry} of {Retries}): {Reason}")]
    public static partial void Retrying(ILogger logger, string address, long delayMs, int retry, int retries, string reason);

    [LoggerMessage(2, LogLevel.Warning, "The circuit of {Address} opened for {BreakSeconds} s after {Failures} failed calls in a row; calls fail at once with 503 until a probe call succeeds. Last failure: {Reason}")]
    public static partial void BreakerOpened(ILogger logger, string address, double breakSeconds, int failures, string reason);

    [LoggerMessage(3, LogLevel.Information, "The circuit of {Address} is half-open: the next call probes whether it recovered.")]
    public static partial void BreakerHalfOpen(ILogger logger, string address);

    [LoggerMessage(4, LogLevel.Information, "The circuit of {Address} closed: a probe call succeeded.")]
    public static partial void BreakerClosed(ILogger logger, string address);

    [LoggerMessage(5, LogLevel.Warning, "The call of {Address} failed ({Status}); answering it with fallback {Fallback}. Failure: {Reason}")]
    public static partial void FallbackUsed(ILogger logger, string address, int status, string fallback, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Refused a call of {Address} with 503: its limit is full, with {Running} running (MaxConcurrency) and {Queued} waiting (MaxQueue).")]
    public static partial void Rejected(ILogger logger, string address, int running, int queued);

    [LoggerMessage(7, LogLevel.Warning, "The call of {Address} timed out after {TimeoutMs} ms ({Source}).")]
    public static partial void TimedOut(ILogger logger, string address, double timeoutMs, string source);

    [LoggerMessage(8, LogLevel.Error, "The governance configuration was reloaded with errors, so the previous settings stay in force: {Problems}")]
    public static partial void ReloadRejected(ILogger logger, string problems);

    [LoggerMessage(9, LogLevel.Information, "Governance of {Address} changed after a configuration reload: {Policy}.")]
    public static partial void PolicyChanged(ILogger logger, string address, string policy);
}
