using Polly;

namespace Sprig.Governance;

/// <summary>
/// The properties governance puts on Polly's resilience context. A class of their own, so that a context that makes no call
/// does not load Polly: the governor's own static fields are initialised when the context is created.
/// </summary>
internal static class PollyKeys
{
    /// <summary>Whether the call being governed is safe to run twice.</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("sprig.idempotent");
}
