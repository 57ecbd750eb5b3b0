using System.Text.Json;

namespace Sprig;

/// <summary>
/// Carries endpoint calls to components served by other processes. A context uses a transport for every contract without a
/// local implementation, and for every <see cref="IEndpointCatalog.InvokeAsync(string, JsonElement, CancellationToken)"/> / <see cref="IEndpointCatalog.StreamAsync(string, JsonElement, CancellationToken)"/>
/// of an address no local component serves. Sprig.Nats registers one when <c>Sprig:Nats:Url</c> is set; the HTTP transport is
/// built in and carries the components bound with <c>Sprig:Remotes:{namespace}:{component}:Url</c>. A component implementing
/// this interface is found by the context after refresh.
/// </summary>
public interface IEndpointTransport
{
    /// <summary>Gets the transport's name for messages, e.g. "NATS nats://127.0.0.1:4222".</summary>
    string Name { get; }

    /// <summary>Tells whether this transport carries calls to a component.</summary>
    /// <param name="componentNamespace">The component's endpoint namespace.</param>
    /// <param name="component">The component name.</param>
    /// <returns><see langword="true"/> when calls to the component should go through this transport.</returns>
    bool Carries(string componentNamespace, string component);

    /// <summary>Calls a unary endpoint in the serving process.</summary>
    /// <param name="remoteCall">The address and arguments.</param>
    /// <param name="cancellationToken">Cancels the call here and in the serving process.</param>
    /// <returns>The result as JSON; <c>default(JsonElement)</c> for no result.</returns>
    /// <exception cref="EndpointCallException">The call failed; <see cref="EndpointCallException.StatusCode"/> says why.</exception>
    Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken);

    /// <summary>Calls a streaming endpoint in the serving process and yields its items in order, as they are produced.</summary>
    /// <param name="remoteCall">The address and arguments.</param>
    /// <param name="cancellationToken">Cancels the stream here and in the serving process.</param>
    /// <returns>The items as JSON. A failure, including the serving process dying, throws; it never looks like the end of the stream.</returns>
    /// <exception cref="EndpointCallException">The call failed; <see cref="EndpointCallException.StatusCode"/> says why.</exception>
    IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, CancellationToken cancellationToken);
}
