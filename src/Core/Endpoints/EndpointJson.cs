using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Generated;

namespace Sprig.Endpoints;

/// <summary>
/// The JSON options of endpoint calls: System.Text.Json web defaults (camelCase, case-insensitive reading). <see cref="Options"/>
/// has only the built-in metadata: reflection where the reflection fallback may run, else Sprig's own
/// <see cref="Remoting.SprigJsonContext"/> (Native AOT). A context with the application's resolvers gets options of its own
/// (<see cref="JsonMetadata"/>) that ask them first.
/// </summary>
internal static class EndpointJson
{
    /// <summary>The options with the built-in metadata only (JsonElement and Sprig's own types need nothing more).</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions([]);

    /// <summary>Returns the name a parameter has in an arguments object: its camelCase form ("userId").</summary>
    public static string PropertyName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Creates read-only options whose metadata comes from <paramref name="application"/> first, in order, then the built-in resolver.</summary>
    public static JsonSerializerOptions CreateOptions(IReadOnlyList<IJsonTypeInfoResolver> application)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new Resolver([.. application]) };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The application's resolvers in order, then reflection (or, under Native AOT, Sprig's own types).</summary>
    private sealed class Resolver(IJsonTypeInfoResolver[] application) : IJsonTypeInfoResolver
    {
        private readonly IJsonTypeInfoResolver _builtIn = DynamicCode.IsSupported ? new DefaultJsonTypeInfoResolver() : Remoting.SprigJsonContext.Default;

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in application)
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
