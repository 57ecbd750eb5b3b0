namespace Sprig.Web.Diagnostics.Json;

/// <summary>One NATS subject an endpoint is served at (<c>GET {prefix}/mappings</c>).</summary>
internal sealed record NatsSubjectJson(string Subject, string Endpoint);
