namespace Sprig;

/// <summary>
/// Governs the calls of endpoints: how long a call may take, how often a failed call is tried again, when calls stop being
/// sent to an address that keeps failing, and how many calls the serving process runs at once. On a contract interface, a
/// component class or an endpoint method; the method's wins, then the class's, then the interface's. Configuration wins over
/// every attribute: <c>Sprig:Governance:Defaults:*</c> for all endpoints and <c>Sprig:Governance:{namespace}:{component}:{endpoint}:*</c>
/// for one, read again after a configuration reload. A property left at 0 keeps the value from the next level down.
/// </summary>
/// <example>
/// <code>
/// [ComponentContract("billing")]
/// [Governance(TimeoutMs = 2000, BreakAfterFailures = 5)]
/// public interface IInvoices
/// {
///     [Endpoint("get", Idempotent = true)]
///     [Governance(Retries = 2)]
///     Task&lt;Invoice&gt; GetAsync(int id);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class GovernanceAttribute : Attribute
{
    /// <summary>
    /// Gets or sets how long one attempt of a unary call may take, in milliseconds, before the endpoint's
    /// <see cref="CancellationToken"/> fires and the caller gets a 504; set here or in configuration, it also limits a stream's
    /// wait for its first item. 0 = the default: configuration, else 5000 for unary calls to other processes and none in-process
    /// or for streams. -1 = no timeout.
    /// </summary>
    public int TimeoutMs { get; set; }

    /// <summary>
    /// Gets or sets how many times a failed call is tried again (exponential backoff with jitter from 50 ms). Only calls that never
    /// reached an endpoint are retried, and, for <c>[Endpoint(Idempotent = true)]</c> endpoints, calls whose instance died or
    /// timed out; a stream never after its first item. 0 = the default (configuration, else 3 for calls to other processes and
    /// none in-process); -1 = never.
    /// </summary>
    public int Retries { get; set; }

    /// <summary>
    /// Gets or sets after how many failed calls in a row (502, 503, 504: the address is unwell, not the arguments) the circuit
    /// opens: calls then fail at once with a 503, without a network call, for <see cref="BreakForSeconds"/>; then one probe call
    /// decides whether it closes. 0 = the default (3 for calls to other processes, no breaker in-process); -1 = no breaker.
    /// </summary>
    public int BreakAfterFailures { get; set; }

    /// <summary>Gets or sets how long an open circuit refuses calls, in seconds. 0 = the default (60).</summary>
    public int BreakForSeconds { get; set; }

    /// <summary>
    /// Gets or sets how many calls of the endpoint the serving process runs at once (a bulkhead); more wait in a queue of
    /// <see cref="MaxQueue"/> calls, and beyond that are refused with a 503 and <c>Retry-After</c>. 0 = the default (50); -1 = no limit.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>Gets or sets how many calls may wait for a free slot of <see cref="MaxConcurrency"/>. 0 = the default (100); -1 = none wait.</summary>
    public int MaxQueue { get; set; }
}
