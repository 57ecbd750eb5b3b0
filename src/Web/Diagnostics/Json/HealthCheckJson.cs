namespace Sprig.Web.Diagnostics.Json;

/// <summary>One check of <c>GET {prefix}/health</c>.</summary>
internal sealed record HealthCheckJson(string Name, string Status, string? Description, double DurationMs);
