using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sprig.Telemetry;

/// <summary>
/// Governance's metrics on the "Sprig" meter, and its events on the call's activity: retries, breaker transitions, fallbacks,
/// calls refused by a limit or an open circuit, and failed calls by status.
/// </summary>
internal static class GovernanceTelemetry
{
    private const string AddressTag = "sprig.address";
    private const string ReasonTag = "sprig.reason";

    private static readonly Counter<long> Retries = SprigTelemetry.Meter.CreateCounter<long>(
        "sprig.governance.retries", "{retry}", "Calls tried again by governance.");

    private static readonly Counter<long> BreakerTransitions = SprigTelemetry.Meter.CreateCounter<long>(
        "sprig.governance.breaker.transitions", "{transition}", "Circuit breaker state changes (sprig.breaker.state: open, half-open, closed).");

    private static readonly Counter<long> Fallbacks = SprigTelemetry.Meter.CreateCounter<long>(
        "sprig.governance.fallbacks", "{call}", "Failed calls answered by a fallback component.");

    private static readonly Counter<long> Rejections = SprigTelemetry.Meter.CreateCounter<long>(
        "sprig.governance.rejections", "{call}", "Calls refused without running (sprig.reason: limit, circuit-open).");

    private static readonly Counter<long> Failures = SprigTelemetry.Meter.CreateCounter<long>(
        "sprig.rpc.client.failures", "{call}", "Calls that failed after governance, by status (error.type).");

    /// <summary>Records a retry on the call's activity and in the metrics.</summary>
    public static void Retried(string address, int attempt, string reason)
    {
        Activity.Current?.AddEvent(new ActivityEvent("sprig.retry", tags: new ActivityTagsCollection { ["sprig.attempt"] = attempt, [ReasonTag] = reason }));
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(AddressTag, address));
        }
    }

    /// <summary>Records a breaker transition on the current activity and in the metrics.</summary>
    public static void Breaker(string address, string state)
    {
        Activity.Current?.AddEvent(new ActivityEvent("sprig.breaker", tags: new ActivityTagsCollection { ["sprig.breaker.state"] = state }));
        if (BreakerTransitions.Enabled)
        {
            BreakerTransitions.Add(1, new KeyValuePair<string, object?>(AddressTag, address), new KeyValuePair<string, object?>("sprig.breaker.state", state));
        }
    }

    public static void FallbackUsed(string address, string fallback)
    {
        Activity.Current?.AddEvent(new ActivityEvent("sprig.fallback", tags: new ActivityTagsCollection { ["sprig.fallback"] = fallback }));
        if (Fallbacks.Enabled)
        {
            Fallbacks.Add(1, new KeyValuePair<string, object?>(AddressTag, address));
        }
    }

    public static void Rejected(string address, string reason)
    {
        Activity.Current?.AddEvent(new ActivityEvent("sprig.rejected", tags: new ActivityTagsCollection { [ReasonTag] = reason }));
        if (Rejections.Enabled)
        {
            Rejections.Add(1, new KeyValuePair<string, object?>(AddressTag, address), new KeyValuePair<string, object?>(ReasonTag, reason));
        }
    }

    public static void Failed(string address, int status)
    {
        if (Failures.Enabled)
        {
            Failures.Add(1, new KeyValuePair<string, object?>(AddressTag, address), new KeyValuePair<string, object?>("error.type", status));
        }
    }

    private static readonly ObservableGauge<long> QueueLength = SprigTelemetry.Meter.CreateObservableGauge(
        "sprig.rpc.server.queue_length", Governance.Governor.QueueLengths, "{call}", "Calls waiting for a free slot of an endpoint's concurrency limit.");

    private static readonly ObservableGauge<int> BreakerState = SprigTelemetry.Meter.CreateObservableGauge(
        "sprig.governance.breaker.state", Governance.Governor.BreakerStates, "{state}", "Each circuit's state: 0 closed, 1 open, 2 half-open.");

    /// <summary>Makes sure the observable gauges exist (a static field is created on first use of the class).</summary>
    public static bool Ready => QueueLength is not null && BreakerState is not null;
}
