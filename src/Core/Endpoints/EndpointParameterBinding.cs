using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Sprig.Diagnostics;
using Sprig.Generated;

namespace Sprig.Endpoints;

/// <summary>
/// Turns the JSON of one endpoint parameter into its value. The typed <see cref="EndpointParameterBinding{T}"/> is what the
/// compiled invoker calls; this base holds what its errors say.
/// </summary>
internal abstract class EndpointParameterBinding(EndpointDescriptor endpoint, ParameterInfo parameter, string jsonPath, bool single, JsonMetadata json)
{
    /// <summary>Gets the endpoint.</summary>
    protected EndpointDescriptor Endpoint => endpoint;

    /// <summary>Gets the parameter.</summary>
    protected ParameterInfo Parameter => parameter;

    /// <summary>Gets the context's JSON metadata.</summary>
    protected JsonMetadata Json => json;

    /// <summary>Gets the method of the typed binding that the compiled invoker calls: <c>T Bind(JsonElement value)</c>.</summary>
    public MethodInfo BindMethod
    {
        [RequiresUnreferencedCode(DynamicCode.Message)]
        get => GetType().GetMethod(nameof(EndpointParameterBinding<int>.Bind))!;
    }

    /// <summary>Creates the binding of <paramref name="parameter"/>; a missing value falls back to <paramref name="fallback"/> when <paramref name="optional"/>.</summary>
    [RequiresDynamicCode(DynamicCode.Message)]
    [RequiresUnreferencedCode(DynamicCode.Message)]
    public static EndpointParameterBinding Create(EndpointDescriptor endpoint, ParameterInfo parameter, string jsonPath, bool single, bool optional, object? fallback, JsonMetadata json) =>
        (EndpointParameterBinding)Activator.CreateInstance(
            typeof(EndpointParameterBinding<>).MakeGenericType(parameter.ParameterType), endpoint, parameter, jsonPath, single, optional, fallback, json)!;

    protected EndpointBindingException Missing() => new(
        Errors.EndpointArgumentMissing(endpoint.Address, parameter.Name!, parameter.ParameterType, jsonPath, single),
        endpoint.Address, endpoint.Component, parameter.Name, jsonPath);

    protected EndpointBindingException Invalid(JsonElement value, JsonException exception)
    {
        // The serializer's path is relative to this parameter's value: "$.items[0]" inside "$.order" is "$.order.items[0]".
        var inner = exception.Path ?? "$";
        var path = inner.Length > 1 && inner[0] == '$' ? jsonPath + inner[1..] : jsonPath;
        var mismatch = exception.Message.StartsWith(Errors.JsonConversionFailed, StringComparison.Ordinal)
            ? JsonPathProbe.Find(json.Options, value, parameter.ParameterType, inner)
            : null;
        return new EndpointBindingException(
            Errors.EndpointArgumentInvalid(endpoint.Address, parameter.Name!, parameter.ParameterType, path, exception, mismatch),
            endpoint.Address, endpoint.Component, parameter.Name, path, exception);
    }
}
