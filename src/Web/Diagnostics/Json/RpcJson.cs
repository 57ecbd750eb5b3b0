namespace Sprig.Web.Diagnostics.Json;

/// <summary>One RPC endpoint (<c>GET {prefix}/mappings</c>).</summary>
internal sealed record RpcJson(string Address, string Namespace, string Component, string Method, bool Streaming);
