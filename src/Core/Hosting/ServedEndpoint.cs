namespace Sprig.Hosting;

/// <summary>One endpoint as an <see cref="IServedEndpoints"/> server serves it.</summary>
/// <param name="Address">Where the protocol reaches it, e.g. the NATS subject <c>sprig.default.calculator.add</c>.</param>
/// <param name="Endpoint">The endpoint's address in the catalog, "{Namespace}/{Component}/{Name}" (<see cref="EndpointDescriptor.Address"/>).</param>
public sealed record ServedEndpoint(string Address, string Endpoint);
