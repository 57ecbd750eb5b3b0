namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// The messages of governance a caller sees and logs, written out as src/Core/Diagnostics/Errors.Governance.cs and
/// src/Core/Governance/GovernanceLog.cs word them, so that a worse message fails a test. '*' is a wildcard where a part depends
/// on the run (a jittered delay).
/// </summary>
internal static class GovernanceMessages
{
    public static string TimedOut(string address, int timeoutMs, string source) =>
        $"Calling '{address}' took longer than {timeoutMs} ms ({source}), so the call was cancelled. "
        + "The endpoint may be slow or stuck; raise TimeoutMs if it needs longer, or make it faster.";

    public static string CircuitOpen(string address, int failures, int seconds) =>
        $"Calling '{address}' was refused without sending it: its circuit is open after {failures} failed calls in a row, for {seconds} s more. "
        + "Fix what makes the endpoint fail (the log names the last failure), or tune BreakAfterFailures / BreakForSeconds in "
        + "[Governance] or Sprig:Governance.";

    public static string LimitReached(string address, int running, int queued) =>
        $"Endpoint '{address}' refused the call without running it: its limit is full, with {running} running (MaxConcurrency) and {queued} waiting (MaxQueue). "
        + "Try again after Retry-After, run more instances, or raise MaxConcurrency / MaxQueue in [Governance] or Sprig:Governance.";

    /// <summary>The log line of a retry; the delay is jittered, so it is a wildcard, and so is the retry's number when it is null.</summary>
    public static string Retrying(string address, int? retry, int retries, int status, string reason) =>
        $"Retrying the call of {address} in * ms (retry {(retry is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} of {retries}): {status}: {reason}";

    public static string TimedOutLog(string address, int timeoutMs, string source) =>
        $"The call of {address} timed out after {timeoutMs} ms ({source}).";

    public static string BreakerOpened(string address, int seconds, int failures, string reason) =>
        $"The circuit of {address} opened for {seconds} s after {failures} failed calls in a row; calls fail at once with 503 until a probe "
        + $"call succeeds. Last failure: {reason}";

    public static string BreakerHalfOpen(string address) =>
        $"The circuit of {address} is half-open: the next call probes whether it recovered.";

    public static string BreakerClosed(string address) =>
        $"The circuit of {address} closed: a probe call succeeded.";

    public static string FallbackUsed(string address, int status, string fallback, string reason) =>
        $"The call of {address} failed ({status}); answering it with fallback {fallback}. Failure: {reason}";

    /// <summary>Where a timeout set by an attribute came from: "[Governance(TimeoutMs = 2000)] on IContract.Method".</summary>
    public static string AttributeSource(int timeoutMs, string member) => $"[Governance(TimeoutMs = {timeoutMs})] on {member}";
}
