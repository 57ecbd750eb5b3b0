using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>Binds one parameter of type <typeparamref name="T"/>: deserializes its JSON, or takes its default when the JSON has none.</summary>
internal sealed class EndpointParameterBinding<T> : EndpointParameterBinding
{
    private readonly bool _optional;
    private readonly T _fallback;
    private JsonTypeInfo<T>? _typeInfo;

    public EndpointParameterBinding(EndpointDescriptor endpoint, ParameterInfo parameter, string jsonPath, bool single, bool optional, object? fallback, JsonMetadata json)
        : base(endpoint, parameter, jsonPath, single, json)
    {
        _optional = optional;
        _fallback = fallback is null ? default! : (T)fallback;
    }

    /// <summary>Returns the parameter's value; <paramref name="value"/> is <see cref="JsonValueKind.Undefined"/> when the arguments do not have it.</summary>
    public T Bind(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return _optional ? _fallback : throw Missing();
        }

        try
        {
            return JsonSerializer.Deserialize(value, _typeInfo ??= Json.TypeInfo<T>())!;
        }
        catch (JsonException ex)
        {
            throw Invalid(value, ex);
        }
    }
}
