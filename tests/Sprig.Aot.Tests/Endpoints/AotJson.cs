using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Aot.Tests.Endpoints;

/// <summary>The application's JSON metadata of the endpoints' records, as an AOT application registers it (RegisterInstance).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GeneratedEndpointTests.Order))]
internal sealed partial class AotJson : JsonSerializerContext;

/// <summary>
/// Gives <see cref="bool"/> a converter that writes "yes" / "no": Sprig's own metadata knows bool too, so what an endpoint
/// returns shows whose metadata won. Each context has its own resolvers: another context's bool stays true/false.
/// </summary>
internal sealed class YesNoResolver : IJsonTypeInfoResolver
{
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        type == typeof(bool) ? JsonMetadataServices.CreateValueInfo<bool>(options, new YesNoConverter()) : null;
}

/// <summary>Writes a bool as "yes" or "no" and reads it back.</summary>
internal sealed class YesNoConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() == "yes";

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteStringValue(value ? "yes" : "no");
}
