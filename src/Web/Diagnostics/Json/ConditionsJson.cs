namespace Sprig.Web.Diagnostics.Json;

/// <summary>One conditional component of <c>GET {prefix}/conditions</c>.</summary>
internal sealed record ConditionsJson(string Component, bool Included, string Text, IReadOnlyList<ConditionJson> Conditions);
