using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sprig.Remoting;

/// <summary>
/// The serializer metadata of what Sprig itself sends (System.Text.Json source generation, web defaults): failures between
/// processes and the JSON values endpoints take and return. No reflection, so it serves under Native AOT too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RemoteFailure))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SprigJsonContext : JsonSerializerContext;
