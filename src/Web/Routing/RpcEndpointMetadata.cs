namespace Sprig.Web.Routing;

/// <summary>Marks the route of an RPC endpoint, with the endpoint it calls and its component's class (for OpenAPI and the catalog).</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="ComponentType">The class of the component that serves it.</param>
internal sealed record RpcEndpointMetadata(EndpointDescriptor Endpoint, Type ComponentType);
