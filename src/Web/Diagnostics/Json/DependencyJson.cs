namespace Sprig.Web.Diagnostics.Json;

/// <summary>One link of a component (<c>GET {prefix}/components</c>).</summary>
internal sealed record DependencyJson(string Component, string Kind);
