namespace Sprig.Web.Diagnostics.Json;

/// <summary>One step of <c>GET {prefix}/startup</c>, in milliseconds from the start of the refresh.</summary>
internal sealed record StartupStepJson(string Name, string Phase, double StartMs, double DurationMs);
