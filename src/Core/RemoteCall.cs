using System.Text.Json;

namespace Sprig;

/// <summary>One call that an <see cref="IEndpointTransport"/> carries to the process serving its component.</summary>
/// <param name="Namespace">The component's endpoint namespace.</param>
/// <param name="Component">The component name.</param>
/// <param name="Endpoint">The endpoint name.</param>
/// <param name="Arguments">The arguments in the wire format's JSON: the single parameter's value, or an object of named parameters.</param>
public sealed record RemoteCall(string Namespace, string Component, string Endpoint, JsonElement Arguments)
{
    /// <summary>Gets the address: "{Namespace}/{Component}/{Endpoint}".</summary>
    public string Address => $"{Namespace}/{Component}/{Endpoint}";

    /// <summary>Gets whether the endpoint is safe to run twice (<c>[Endpoint(Idempotent = true)]</c>): a transport may retry it on another instance.</summary>
    public bool Idempotent { get; init; }
}
