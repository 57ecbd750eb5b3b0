using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>
/// Binds one parameter without generic code (Native AOT): deserializes its JSON with the parameter type's metadata from
/// <see cref="EndpointJson.Options"/>, or takes its default when the JSON has none. <see cref="EndpointParameterBinding{T}"/> is the
/// typed binding of the reflection fallback; both fail with the same errors.
/// </summary>
internal sealed class UntypedParameterBinding(EndpointDescriptor endpoint, ParameterInfo parameter, string jsonPath, bool single, bool optional, object? fallback)
    : EndpointParameterBinding(endpoint, parameter, jsonPath, single)
{
    private readonly Type _type = parameter.ParameterType;
    private readonly EndpointDescriptor _endpoint = endpoint;
    private readonly string _name = parameter.Name!;
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
            return JsonSerializer.Deserialize(value, _typeInfo ??= EndpointJson.TypeInfo(_type, _endpoint, _name));
        }
        catch (JsonException ex)
        {
            throw Invalid(value, ex);
        }
    }
}
