namespace Sprig.Governance;

/// <summary>The governance of one endpoint as calls see it: every level merged, and where the timeout came from (for messages).</summary>
/// <param name="Timeout">How long one attempt may take, or null for no limit.</param>
/// <param name="Retries">How many times a call is tried again (0: never).</param>
/// <param name="BreakAfterFailures">How many failed calls in a row open the circuit: at least 2, or 0 for no breaker.</param>
/// <param name="BreakFor">How long an open circuit refuses calls (whole seconds, at least 1).</param>
/// <param name="MaxConcurrency">How many calls the serving process runs at once (0: no limit).</param>
/// <param name="MaxQueue">How many calls wait for a free slot.</param>
/// <param name="TimeoutSource">Where the timeout was set, e.g. "Sprig:Governance:Defaults:TimeoutMs".</param>
internal sealed record GovernancePolicy(
    TimeSpan? Timeout, int Retries, int BreakAfterFailures, TimeSpan BreakFor, int MaxConcurrency, int MaxQueue, string TimeoutSource)
{
    /// <summary>
    /// Gets the limit of a stream's wait for its first item: the timeout only when configuration or an attribute sets it (a
    /// stream's first item may rightly take long, and a timed stream costs a cancellable token on every item), else none.
    /// </summary>
    public TimeSpan? StreamTimeout { get; init; }

    /// <summary>Turns merged values into a policy: -1 (off) becomes none.</summary>
    public static GovernancePolicy From(GovernanceValues values, string timeoutSource) => new(
        values.TimeoutMs > 0 ? TimeSpan.FromMilliseconds(values.TimeoutMs) : null,
        Math.Max(0, values.Retries),
        // Polly's breaker needs at least two calls in its window to judge a failure ratio.
        values.BreakAfterFailures > 0 ? Math.Max(2, values.BreakAfterFailures) : 0,
        TimeSpan.FromSeconds(values.BreakForSeconds > 0 ? values.BreakForSeconds : 60),
        Math.Max(0, values.MaxConcurrency),
        Math.Max(0, values.MaxQueue),
        timeoutSource);

    /// <summary>Describes the policy in the settings' own words, for the log: "TimeoutMs 1000 (source), Retries 3, ...".</summary>
    public string Describe() =>
        $"TimeoutMs {(Timeout is { } t ? $"{t.TotalMilliseconds:0} ({TimeoutSource})" : "off")}, Retries {Off(Retries)}, BreakAfterFailures {Off(BreakAfterFailures)}, "
        + $"BreakForSeconds {BreakFor.TotalSeconds:0}, MaxConcurrency {Off(MaxConcurrency)}, MaxQueue {MaxQueue}";

    private static string Off(int value) => value > 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "off";
}
