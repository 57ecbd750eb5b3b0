using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web;

/// <summary>
/// The JSON metadata of what Sprig.Web itself writes (problem details with their extension values, the RPC catalog), generated at
/// build time so that the answers need no reflection (Native AOT), with System.Text.Json's web defaults.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<Routing.RpcCatalog.Entry>))]
internal sealed partial class WebJson : JsonSerializerContext;
