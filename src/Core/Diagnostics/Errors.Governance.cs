namespace Sprig.Diagnostics;

/// <summary>The messages of governance: timeouts, open circuits, full limits, fallbacks, service keys and their configuration.</summary>
internal static partial class Errors
{
    public static string GovernanceTimedOut(string address, TimeSpan timeout, string source) =>
        $"Calling '{address}' took longer than {timeout.TotalMilliseconds:0.###} ms ({source}), so the call was cancelled. "
        + "The endpoint may be slow or stuck; raise TimeoutMs if it needs longer, or make it faster.";

    public static string GovernanceCircuitOpen(string address, int failures, TimeSpan? retryAfter) =>
        $"Calling '{address}' was refused without sending it: its circuit is open after {failures} failed calls in a row"
        + (retryAfter is { } wait ? $", for {Math.Ceiling(wait.TotalSeconds):0} s more" : "")
        + ". Fix what makes the endpoint fail (the log names the last failure), or tune BreakAfterFailures / BreakForSeconds in "
        + "[Governance] or Sprig:Governance.";

    public static string GovernanceLimitReached(string address, int running, int queued) =>
        $"Endpoint '{address}' refused the call without running it: its limit is full, with {running} running (MaxConcurrency) and {queued} waiting (MaxQueue). "
        + "Try again after Retry-After, run more instances, or raise MaxConcurrency / MaxQueue in [Governance] or Sprig:Governance.";

    public static string GovernanceKeyUnknown(string key, IReadOnlyList<string> suggestions) =>
        $"Configuration key '{key}' is not a governance setting.{DidYouMean(suggestions)} Governance keys are "
        + "Sprig:Governance:Defaults:{setting} and Sprig:Governance:{namespace}:{component}:{endpoint}:{setting}, where {setting} is "
        + "TimeoutMs, Retries, BreakAfterFailures, BreakForSeconds, MaxConcurrency or MaxQueue.";

    public static string GovernanceValueInvalid(string key, string value, string setting) =>
        $"Configuration key '{key}' is '{value}', which is not a whole number of at least -1. Set {setting} to a number, 0 for the "
        + "default, or -1 to turn it off.";

    public static string FallbackNotRegistered(string address, Type fallback) =>
        $"[Fallback(typeof({TypeName(fallback)}))] of endpoint '{address}' names a class that is not a component that is in. "
        + $"Mark {TypeName(fallback)} [Component] (and check its conditions), or remove the [Fallback].";

    public static string FallbackMethodMissing(string address, Type fallback, System.Reflection.MethodInfo method) =>
        $"[Fallback(typeof({TypeName(fallback)}))] of endpoint '{address}' has no method to answer it: {TypeName(fallback)} needs a public "
        + $"method '{method.Name}' with the parameters ({string.Join(", ", method.GetParameters().Select(p => $"{TypeName(p.ParameterType)} {p.Name}"))}) "
        + $"returning {TypeName(method.ReturnType)}, as the contract declares it.";

    public static string ServiceKeyUnknown(string address, string key, IReadOnlyList<string> keys) =>
        $"No implementation of '{address}' is served under service key '{key}'; the keys are {string.Join(", ", keys.Select(k => $"'{k}'"))}. "
        + "Pick one of them (ServiceKeys.Use or the Sprig-Service-Key header), or call without a key to split calls by weight.";

    public static string ServiceKeyDuplicate(string address, string key, Type first, Type second) =>
        $"Two components serve '{address}' under service key '{key}': {TypeName(first)} and {TypeName(second)}. Give each its own [ServiceKey].";
}
