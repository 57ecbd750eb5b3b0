using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>The one set of JSON options every endpoint call uses: System.Text.Json web defaults (camelCase, case-insensitive reading).</summary>
internal static class EndpointJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Returns the serializer metadata of <typeparamref name="T"/>; the options cache it, so this is a lookup.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Returns the name a parameter has in an arguments object: its camelCase form ("userId").</summary>
    public static string PropertyName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
