using System.Text.Json;

namespace Sprig.Nats.Tests.Support;

public static class Json
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonElement Of(object value) => JsonSerializer.SerializeToElement(value, Web);
}
