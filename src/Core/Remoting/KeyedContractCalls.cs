using System.Text.Json;

namespace Sprig.Remoting;

/// <summary>
/// The calls of a contract whose local implementations are reached through its routing proxy (service keys, or governance
/// declared): through the context's catalog, which picks the implementation by the caller's key (<see cref="ServiceKeys.Use"/>)
/// or by weight, under the address's governance, with the JSON arguments a remote call would carry.
/// </summary>
internal sealed class KeyedContractCalls(ApplicationContext context) : IContractCalls
{
    public Task<JsonElement> InvokeAsync(RemoteCall call, CancellationToken cancellationToken) =>
        context.EndpointsCore.InvokeAsync(call.Address, call.Arguments, cancellationToken);

    public IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall call, CancellationToken cancellationToken) =>
        context.EndpointsCore.StreamAsync(call.Address, call.Arguments, cancellationToken);
}
