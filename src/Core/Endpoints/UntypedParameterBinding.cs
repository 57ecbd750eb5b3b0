using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>
/// Binds one parameter without generic code (Native AOT): deserializes its JSON with the parameter type's metadata from
/// the context's <see cref="JsonMetadata"/>, or takes its default when the JSON has none. <see cref="EndpointParameterBinding{T}"/> is the
/// typed binding of the reflection fallback; both fail with the same errors.
/// </summary>
internal sealed class UntypedParameterBinding(EndpointDescriptor endpoint, ParameterInfo parameter, string jsonPath, bool single, bool optional, object? fallback, JsonMetadata json)
    : EndpointParameterBinding(endpoint, parameter, jsonPath, single, json)
{
    private JsonTypeInfo? _typeInfo;

    /// <summary>Returns the parameter's value; <paramref name="value"/> is <see cref="JsonValueKind.Undefined"/> when the arguments do not have it.</summary>
    public object? Bind(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return optional ? fallback : throw Missing();
        }

        try
        {
            return JsonSerializer.Deserialize(value, _typeInfo ??= Json.TypeInfo(Parameter.ParameterType, Endpoint.Address, Endpoint.Component, Parameter.Name));
        }
        catch (JsonException ex)
        {
            throw Invalid(value, ex);
        }
    }
}
