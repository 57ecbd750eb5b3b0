using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Sprig.Hosting;

namespace Sprig;

/// <summary>
/// The RPC endpoints of a refreshed context: every <see cref="EndpointAttribute"/> method of every component that is in,
/// each at its address "{Namespace}/{Component}/{Name}". Calls take their arguments as JSON (System.Text.Json web defaults):
/// the value of the single parameter, or an object of named parameters (camelCase, case-insensitive) when there are several.
/// </summary>
/// <example>
/// <code>
/// var sum = await context.Endpoints.InvokeAsync("default/Calculator/add", JsonSerializer.SerializeToElement(new { a = 1, b = 2 }));
/// await foreach (var token in context.Endpoints.StreamAsync("dynamo/VllmWorker/generate", JsonSerializer.SerializeToElement("hello")))
/// {
///     Console.Write(token.GetString());
/// }
/// </code>
/// </example>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "The name is fixed by the public contract (API.md): a catalog, not a general-purpose collection.")]
public interface IEndpointCatalog : IReadOnlyCollection<EndpointDescriptor>
{
    /// <summary>Looks up an endpoint by its address.</summary>
    /// <param name="address">"{Namespace}/{Component}/{Name}", e.g. <c>dynamo/VllmWorker/generate</c>.</param>
    /// <returns>The endpoint, or <see langword="null"/> when no endpoint has that address.</returns>
    EndpointDescriptor? Find(string address);

    /// <summary>
    /// Calls a unary endpoint in-process: binds the JSON arguments to its parameters, resolves its component (a new instance
    /// per call for Prototype, a request scope per call for Request, disposed when the call ends), calls the method and returns
    /// its result as JSON.
    /// </summary>
    /// <param name="address">"{Namespace}/{Component}/{Name}".</param>
    /// <param name="arguments">The single parameter's value, or an object of named parameters; <c>default</c> for none.</param>
    /// <param name="cancellationToken">Passed to the method's <see cref="CancellationToken"/> parameter, if it has one.</param>
    /// <returns>The result as JSON; <c>default(JsonElement)</c> (<see cref="JsonValueKind.Undefined"/>) for void, Task and ValueTask.</returns>
    /// <exception cref="EndpointNotFoundException">No endpoint has that address; the message suggests the closest ones.</exception>
    /// <exception cref="EndpointBindingException">The arguments do not fit the parameters; names the parameter and the JSON path.</exception>
    /// <exception cref="ContainerException">The endpoint streams (call <see cref="StreamAsync(string, JsonElement, CancellationToken)"/>), or its component cannot be created.</exception>
    /// <exception cref="InvalidOperationException">The context is not running.</exception>
    Task<JsonElement> InvokeAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls a streaming endpoint (one that returns <see cref="IAsyncEnumerable{T}"/>) in-process and yields each item as JSON.
    /// The address, the arguments and the component are checked when this method is called, so those errors are thrown at
    /// once; the component's request scope, if any, is disposed when the enumeration ends. Enumerate the result once.
    /// </summary>
    /// <param name="address">"{Namespace}/{Component}/{Name}".</param>
    /// <param name="arguments">The single parameter's value, or an object of named parameters; <c>default</c> for none.</param>
    /// <param name="cancellationToken">Passed to the method's <see cref="CancellationToken"/> parameter and to the enumeration.</param>
    /// <returns>The items as JSON.</returns>
    /// <exception cref="EndpointNotFoundException">No endpoint has that address; the message suggests the closest ones.</exception>
    /// <exception cref="EndpointBindingException">The arguments do not fit the parameters; names the parameter and the JSON path.</exception>
    /// <exception cref="ContainerException">The endpoint does not stream (call <see cref="InvokeAsync(string, JsonElement, CancellationToken)"/>), or its component cannot be created.</exception>
    /// <exception cref="InvalidOperationException">The context is not running.</exception>
    IAsyncEnumerable<JsonElement> StreamAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default);
    /// <summary>
    /// Serves a unary call that a host or transport received (an HTTP request, a NATS message): runs the local endpoint as the
    /// serving side of the call (a server span under <see cref="EndpointInvocation.Parent"/>, tagged with its transport, within
    /// the endpoint's concurrency limit, without the caller's retries or breaker), in the caller's request scope when
    /// <see cref="EndpointInvocation.RequestServices"/> gives one. An address no local component serves goes through the
    /// configured transport, as with <see cref="InvokeAsync(string, JsonElement, CancellationToken)"/>. The default
    /// implementation, for catalogs other than Sprig's, calls that overload and ignores the invocation's options.
    /// </summary>
    /// <param name="invocation">The address, the arguments and how to serve the call.</param>
    /// <param name="cancellationToken">Passed to the method's <see cref="CancellationToken"/> parameter, if it has one.</param>
    /// <returns>The result as JSON; <c>default(JsonElement)</c> for void, Task and ValueTask.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invocation"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="EndpointInvocation.RequestServices"/> returned a provider of another container.</exception>
    /// <exception cref="EndpointNotFoundException">No endpoint has that address; the message suggests the closest ones.</exception>
    /// <exception cref="EndpointBindingException">The arguments do not fit the parameters; names the parameter and the JSON path.</exception>
    /// <exception cref="InvalidOperationException">The context is not running.</exception>
    Task<JsonElement> InvokeAsync(EndpointInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return InvokeAsync(invocation.Address, invocation.Arguments, cancellationToken);
    }

    /// <summary>
    /// Serves a streaming call that a host or transport received, as <see cref="InvokeAsync(EndpointInvocation, CancellationToken)"/>
    /// serves a unary one; the address, the arguments and the component are checked when this method is called. A scope the
    /// call opened itself is disposed when the enumeration ends; the caller's is not. The default implementation calls
    /// <see cref="StreamAsync(string, JsonElement, CancellationToken)"/> and ignores the invocation's options.
    /// </summary>
    /// <param name="invocation">The address, the arguments and how to serve the call.</param>
    /// <param name="cancellationToken">Passed to the method's <see cref="CancellationToken"/> parameter and to the enumeration.</param>
    /// <returns>The items as JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invocation"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="EndpointInvocation.RequestServices"/> returned a provider of another container.</exception>
    /// <exception cref="EndpointNotFoundException">No endpoint has that address; the message suggests the closest ones.</exception>
    /// <exception cref="EndpointBindingException">The arguments do not fit the parameters; names the parameter and the JSON path.</exception>
    /// <exception cref="InvalidOperationException">The context is not running.</exception>
    IAsyncEnumerable<JsonElement> StreamAsync(EndpointInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return StreamAsync(invocation.Address, invocation.Arguments, cancellationToken);
    }
}
