using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sprig.Tests.Support;

namespace Sprig.Tests.Endpoints;

/// <summary>
/// The application's JSON metadata (singletons implementing IJsonTypeInfoResolver) serves its own context's endpoint calls,
/// ahead of the built-in metadata, and no other context's in the same process.
/// </summary>
public sealed class EndpointJsonTests
{
    public sealed class Door
    {
        [Endpoint]
        public bool Open() => true;

        [Endpoint]
        public bool Echo(bool value) => value;
    }

    /// <summary>Writes a bool as "yes" or "no" and reads it back: the answer shows whose metadata served the call.</summary>
    public sealed class YesNoResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(bool) ? JsonMetadataServices.CreateValueInfo<bool>(options, new YesNoConverter()) : null;

        private sealed class YesNoConverter : JsonConverter<bool>
        {
            public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() == "yes";

            public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteStringValue(value ? "yes" : "no");
        }
    }

    [Fact]
    public async Task Calls_UseTheirOwnContextsResolvers_NotAnotherContextsInTheSameProcess()
    {
        using var withResolver = Contexts.Create(new PendingRegistry().RegisterInstance("yesNo", new YesNoResolver()).Register<Door>());
        using var without = Contexts.Create(new PendingRegistry().Register<Door>());
        withResolver.Refresh();
        without.Refresh();

        (await withResolver.Endpoints.InvokeAsync("default/Door/Open", default)).GetString().Should().Be("yes");
        (await withResolver.Endpoints.InvokeAsync("default/Door/Echo", JsonSerializer.SerializeToElement("no"))).GetString().Should().Be("no");
        (await without.Endpoints.InvokeAsync("default/Door/Open", default)).GetBoolean().Should().BeTrue();
        (await without.Endpoints.InvokeAsync("default/Door/Echo", JsonSerializer.SerializeToElement(false))).GetBoolean().Should().BeFalse();
    }
}
