namespace Sprig.Web.Diagnostics.Json;

/// <summary>One condition of a conditional component (<c>GET {prefix}/conditions</c>).</summary>
internal sealed record ConditionJson(string Condition, bool Matched, string Message);
