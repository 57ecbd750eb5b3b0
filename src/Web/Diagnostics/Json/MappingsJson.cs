namespace Sprig.Web.Diagnostics.Json;

/// <summary>The answer of <c>GET {prefix}/mappings</c>: HTTP routes, RPC endpoints and NATS subjects.</summary>
internal sealed record MappingsJson(IReadOnlyList<HttpRouteJson> Http, IReadOnlyList<RpcJson> Rpc, IReadOnlyList<NatsSubjectJson> Nats);
