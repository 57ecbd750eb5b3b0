namespace Sprig.Web.Diagnostics.Json;

/// <summary>One component of <c>GET {prefix}/components</c>.</summary>
internal sealed record ComponentJson(string Name, string Type, string Scope, string Namespace, string Origin, string State, IReadOnlyList<DependencyJson> Dependencies);
