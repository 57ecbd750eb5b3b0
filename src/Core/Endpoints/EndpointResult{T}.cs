using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>Turns what an endpoint method returns (T, Task&lt;T&gt;, ValueTask&lt;T&gt;, IAsyncEnumerable&lt;T&gt;) into JSON.</summary>
internal sealed class EndpointResult<T>(JsonMetadata json)
{
    private JsonTypeInfo<T>? _typeInfo;

    public ValueTask<JsonElement> FromValue(T value) => new(Serialize(value));

    public ValueTask<JsonElement> FromTask(Task<T> task) =>
        task.IsCompletedSuccessfully ? new(Serialize(task.Result)) : AwaitAsync(task);

    public ValueTask<JsonElement> FromValueTask(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new(Serialize(task.Result)) : AwaitAsync(task.AsTask());

    public async IAsyncEnumerable<JsonElement> Stream(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Serialize(item);
        }
    }

    private JsonElement Serialize(T value) => JsonSerializer.SerializeToElement(value, _typeInfo ??= json.TypeInfo<T>());

    private async ValueTask<JsonElement> AwaitAsync(Task<T> task) => Serialize(await task.ConfigureAwait(false));
}
