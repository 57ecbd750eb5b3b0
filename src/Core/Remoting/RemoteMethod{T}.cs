using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Diagnostics;
using Sprig.Endpoints;

namespace Sprig.Remoting;

/// <summary>A contract method whose result (or stream item) is a <typeparamref name="T"/>.</summary>
internal sealed class RemoteMethod<T>(ContractInfo contract, ContractMethod method, RemoteShape shape) : RemoteMethod(contract, method)
{
    private readonly JsonTypeInfo<T> _typeInfo = EndpointJson.TypeInfo<T>();

    public override object Invoke(RemoteEndpoints remote, object?[] arguments)
    {
        var call = Call(arguments);
        var token = Token(arguments);
        return shape switch
        {
            RemoteShape.Task => (Task)remote.InvokeAsync(call, token),
            RemoteShape.ValueTask => new ValueTask(remote.InvokeAsync(call, token)),
            RemoteShape.TaskOfT => InvokeAsync(remote, call, token),
            RemoteShape.ValueTaskOfT => new ValueTask<T>(InvokeAsync(remote, call, token)),
            _ => StreamAsync(remote, call, token),
        };
    }

    private async Task<T> InvokeAsync(RemoteEndpoints remote, RemoteCall call, CancellationToken cancellationToken) =>
        Convert(await remote.InvokeAsync(call, cancellationToken).ConfigureAwait(false));

    private async IAsyncEnumerable<T> StreamAsync(RemoteEndpoints remote, RemoteCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in remote.StreamAsync(call, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
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
