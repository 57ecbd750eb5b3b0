namespace Sprig.Web.Diagnostics.Json;

/// <summary>One HTTP route (<c>GET {prefix}/mappings</c>); no methods means any method.</summary>
internal sealed record HttpRouteJson(IReadOnlyList<string> Methods, string Route, string? Name);
