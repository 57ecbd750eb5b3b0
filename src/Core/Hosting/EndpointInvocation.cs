using System.Diagnostics;
using System.Text.Json;

namespace Sprig.Hosting;

/// <summary>
/// One call of an endpoint that a host or transport serves on behalf of a caller elsewhere (an HTTP request, a NATS message):
/// the address and arguments, and how the serving side runs it. Pass it to
/// <see cref="IEndpointCatalog.InvokeAsync(EndpointInvocation, CancellationToken)"/> or
/// <see cref="IEndpointCatalog.StreamAsync(EndpointInvocation, CancellationToken)"/>.
/// </summary>
/// <param name="Address">"{Namespace}/{Component}/{Name}", e.g. <c>dynamo/VllmWorker/generate</c>.</param>
/// <param name="Arguments">The single parameter's value, or an object of named parameters; <c>default</c> for none.</param>
/// <example>
/// <code>
/// var call = new EndpointInvocation("default/Calculator/add", arguments)
/// {
///     RequestServices = () => http.RequestServices,   // a request scope of the same context
///     Parent = remoteParent,
///     Transport = "http",
/// };
/// var result = await context.Endpoints.InvokeAsync(call, http.RequestAborted);
/// </code>
/// </example>
public sealed record EndpointInvocation(string Address, JsonElement Arguments)
{
    /// <summary>The <see cref="Transport"/> of a call made in this process.</summary>
    public const string InProcess = "in-process";

    /// <summary>
    /// Gets the request scope the call runs in, asked for only when the endpoint's component is a Prototype or Request component:
    /// a scope of the same context (<see cref="ApplicationContext.CreateScope"/>'s <c>ServiceProvider</c>, or a host's request
    /// services that <see cref="SprigHosting.IsScopeOf"/> accepts). The caller disposes it. Null, or a function that returns
    /// null or the context itself, makes the call open a scope of its own and dispose it when the call ends.
    /// </summary>
    public Func<IServiceProvider?>? RequestServices { get; init; }

    /// <summary>
    /// Gets the caller's trace context (W3C <c>traceparent</c> read by the transport); the serving span is its child. <c>default</c>
    /// continues <see cref="Activity.Current"/>.
    /// </summary>
    public ActivityContext Parent { get; init; }

    /// <summary>Gets the transport's name, recorded as the <c>sprig.transport</c> tag of the serving span: "http", "nats", or <see cref="InProcess"/>.</summary>
    public string Transport { get; init; } = InProcess;
}
