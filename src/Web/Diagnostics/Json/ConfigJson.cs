namespace Sprig.Web.Diagnostics.Json;

/// <summary>One configuration key of <c>GET {prefix}/config</c>, its (possibly masked) value and the provider it came from.</summary>
internal sealed record ConfigJson(string Key, string? Value, string Source);
