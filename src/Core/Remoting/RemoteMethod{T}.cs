using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Diagnostics;
using Sprig.Endpoints;

namespace Sprig.Remoting;

/// <summary>A contract method whose result (or stream item) is a <typeparamref name="T"/>.</summary>
internal sealed class RemoteMethod<T>(ContractInfo contract, ContractMethod method, RemoteShape shape, JsonMetadata json) : RemoteMethod(contract, method, json)
{
    private readonly JsonTypeInfo<T> _typeInfo = json.TypeInfo<T>();

    // Every failure (bad arguments, no transport, the call itself) reaches the caller the same way for every shape: through the
    // returned task, or from the stream's enumeration, never as a synchronous throw from the proxy call.
    public override object Invoke(IContractCalls remote, object?[] arguments) => shape switch
    {
        RemoteShape.Task => InvokeAsync(remote, arguments),
        RemoteShape.ValueTask => new ValueTask(InvokeAsync(remote, arguments)),
        RemoteShape.TaskOfT => InvokeAsync(remote, arguments),
        RemoteShape.ValueTaskOfT => new ValueTask<T>(InvokeAsync(remote, arguments)),
        _ => StreamAsync(remote, arguments, Token(arguments)),
    };

    private async Task<T> InvokeAsync(IContractCalls remote, object?[] arguments) =>
        Convert(await remote.InvokeAsync(Call(arguments), Token(arguments)).ConfigureAwait(false));

    private async IAsyncEnumerable<T> StreamAsync(IContractCalls remote, object?[] arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in remote.StreamAsync(Call(arguments), cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Convert(item);
        }
    }

    private T Convert(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return default!;
        }

        try
        {
            return value.Deserialize(_typeInfo)!;
        }
        catch (JsonException ex)
        {
            throw new EndpointCallException(Errors.RemoteResultInvalid(Address, typeof(T), ex), Address, 502, Contract.Component, ex);
        }
    }
}
