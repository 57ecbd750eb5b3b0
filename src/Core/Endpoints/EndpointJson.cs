using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Generated;

namespace Sprig.Endpoints;

/// <summary>
/// The one set of JSON options every endpoint call uses: System.Text.Json web defaults (camelCase, case-insensitive reading).
/// Type metadata comes first from the application's resolvers (components implementing <see cref="IJsonTypeInfoResolver"/>,
/// such as a <c>JsonSerializerContext</c>, added at refresh), then from reflection where the reflection fallback may run, else
/// from Sprig's own <see cref="Remoting.SprigJsonContext"/> (Native AOT).
/// </summary>
internal static class EndpointJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly Lock Gate = new();
    private static volatile IJsonTypeInfoResolver[] _application = [];

    /// <summary>Returns the serializer metadata of <typeparamref name="T"/>; the options cache it, so this is a lookup.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Returns the serializer metadata of an endpoint's parameter (<paramref name="parameter"/> names it) or result (null), or
    /// throws saying how to provide it when no resolver has it (without reflection: Native AOT, or the switch off).
    /// </summary>
    /// <exception cref="ContainerException">No resolver has metadata for <paramref name="type"/>.</exception>
    public static JsonTypeInfo TypeInfo(Type type, EndpointDescriptor endpoint, string? parameter)
    {
        try
        {
            return Options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new ContainerException(Diagnostics.Errors.EndpointJsonMetadataMissing(endpoint.Address, parameter, type), endpoint.Component, null, ex);
        }
    }

    /// <summary>Returns the name a parameter has in an arguments object: its camelCase form ("userId").</summary>
    public static string PropertyName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>
    /// Adds the application's resolvers, ahead of the built-in metadata, once each. The options cache what they resolved: a type
    /// already serialized keeps the metadata it was first given.
    /// </summary>
    public static void Use(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        lock (Gate)
        {
            var added = resolvers.Where(r => Array.IndexOf(_application, r) < 0).ToArray();
            if (added.Length > 0)
            {
                _application = [.. _application, .. added];
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new Resolver() };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The application's resolvers in the order they were added, then reflection (or, under Native AOT, Sprig's own types).</summary>
    private sealed class Resolver : IJsonTypeInfoResolver
    {
        private readonly IJsonTypeInfoResolver _builtIn = DynamicCode.IsSupported ? new DefaultJsonTypeInfoResolver() : Remoting.SprigJsonContext.Default;

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in _application)
            {
                if (resolver.GetTypeInfo(type, options) is { } info)
                {
                    return info;
                }
            }

            return _builtIn.GetTypeInfo(type, options);
        }
    }
}
