using System.Text.Json;

namespace Sprig.Remoting;

/// <summary>Where a contract proxy sends its calls: to other processes (<see cref="RemoteEndpoints"/>), or to this process's keyed implementations (<see cref="KeyedContractCalls"/>).</summary>
internal interface IContractCalls
{
    Task<JsonElement> InvokeAsync(RemoteCall call, CancellationToken cancellationToken);

    IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall call, CancellationToken cancellationToken);
}
