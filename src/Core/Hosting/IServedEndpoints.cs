namespace Sprig.Hosting;

/// <summary>
/// Describes where an <see cref="IEndpointServer"/> serves a context's endpoints, for diagnostics (Sprig.Web's
/// <c>GET {prefix}/mappings</c>): Sprig.Nats's transport lists the subject of every endpoint it serves. Implement it on a
/// singleton endpoint server: diagnostics find it with <see cref="ApplicationContext.GetAll{T}"/> after refresh.
/// </summary>
/// <example>
/// <code>
/// foreach (var server in context.GetAll&lt;IServedEndpoints&gt;())
/// {
///     foreach (var served in server.ServedEndpoints)
///     {
///         Console.WriteLine($"{server.Protocol} {served.Address} -> {served.Endpoint}");   // nats sprig.default.calculator.add -> default/Calculator/add
///     }
/// }
/// </code>
/// </example>
public interface IServedEndpoints
{
    /// <summary>Gets the protocol's short lower-case name, e.g. "nats".</summary>
    string Protocol { get; }

    /// <summary>Gets the endpoints served right now with the protocol's address of each; empty when the server does not serve (yet or any more).</summary>
    IReadOnlyList<ServedEndpoint> ServedEndpoints { get; }
}
