namespace Sprig.Governance;

/// <summary>
/// One level of governance settings (built-in defaults, configured defaults, an attribute, configuration for one endpoint), as
/// <see cref="GovernanceAttribute"/> spells them: 0 = not set at this level, -1 = off, otherwise the value.
/// </summary>
internal readonly record struct GovernanceValues(int TimeoutMs, int Retries, int BreakAfterFailures, int BreakForSeconds, int MaxConcurrency, int MaxQueue)
{
    /// <summary>The names of the settings, as configuration keys and attribute properties spell them.</summary>
    public static readonly IReadOnlyList<string> Keys =
        [nameof(TimeoutMs), nameof(Retries), nameof(BreakAfterFailures), nameof(BreakForSeconds), nameof(MaxConcurrency), nameof(MaxQueue)];

    /// <summary>
    /// Gets the built-in defaults (Silky's): for calls to other processes 5 s, 3 retries, a breaker after 3 failures for 60 s; for
    /// in-process calls none of these (they have no communication to fail); 50 calls at once, 100 waiting, on the serving side.
    /// </summary>
    public static GovernanceValues BuiltIn(bool remote) =>
        remote ? new(5000, 3, 3, 60, 50, 100) : new(-1, -1, -1, 60, 50, 100);

    public static GovernanceValues Of(GovernanceAttribute attribute) =>
        new(attribute.TimeoutMs, attribute.Retries, attribute.BreakAfterFailures, attribute.BreakForSeconds, attribute.MaxConcurrency, attribute.MaxQueue);

    /// <summary>Returns these values, with every setting not set here taken from <paramref name="lower"/>.</summary>
    public GovernanceValues Over(GovernanceValues lower) => new(
        TimeoutMs != 0 ? TimeoutMs : lower.TimeoutMs,
        Retries != 0 ? Retries : lower.Retries,
        BreakAfterFailures != 0 ? BreakAfterFailures : lower.BreakAfterFailures,
        BreakForSeconds != 0 ? BreakForSeconds : lower.BreakForSeconds,
        MaxConcurrency != 0 ? MaxConcurrency : lower.MaxConcurrency,
        MaxQueue != 0 ? MaxQueue : lower.MaxQueue);

    /// <summary>Returns the value of a setting by its name.</summary>
    public int this[string key] => key switch
    {
        nameof(TimeoutMs) => TimeoutMs,
        nameof(Retries) => Retries,
        nameof(BreakAfterFailures) => BreakAfterFailures,
        nameof(BreakForSeconds) => BreakForSeconds,
        nameof(MaxConcurrency) => MaxConcurrency,
        _ => MaxQueue,
    };

    /// <summary>Returns these values with one setting replaced.</summary>
    public GovernanceValues With(string key, int value) => key switch
    {
        nameof(TimeoutMs) => this with { TimeoutMs = value },
        nameof(Retries) => this with { Retries = value },
        nameof(BreakAfterFailures) => this with { BreakAfterFailures = value },
        nameof(BreakForSeconds) => this with { BreakForSeconds = value },
        nameof(MaxConcurrency) => this with { MaxConcurrency = value },
        _ => this with { MaxQueue = value },
    };
}
