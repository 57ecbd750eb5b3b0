namespace Sprig.Web.Diagnostics.Json;

/// <summary>The answer of <c>GET {prefix}/health</c>.</summary>
internal sealed record HealthJson(string Status, string Context, IReadOnlyList<HealthCheckJson> Checks);
