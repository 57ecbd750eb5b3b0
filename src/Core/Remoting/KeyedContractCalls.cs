using System.Text.Json;

namespace Sprig.Remoting;

/// <summary>
/// The calls of a contract that several local components implement under service keys: through the context's catalog, which
/// picks the implementation by the caller's key (<see cref="ServiceKeys.Use"/>) or by weight, under the address's governance.
/// </summary>
internal sealed class KeyedContractCalls(ApplicationContext context) : IContractCalls
{
    public Task<JsonElement> InvokeAsync(RemoteCall call, CancellationToken cancellationToken) =>
        context.EndpointsCore.InvokeAsync(call.Address, call.Arguments, cancellationToken);

    public IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall call, CancellationToken cancellationToken) =>
        context.EndpointsCore.StreamAsync(call.Address, call.Arguments, cancellationToken);
}
