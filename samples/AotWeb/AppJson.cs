using System.Text.Json.Serialization;

namespace AotWebSample;

/// <summary>
/// The JSON metadata of the endpoints' types, with the web defaults. Registered as a component (Program.cs), it is put ahead of the
/// endpoint calls' built-in resolver at refresh: under Native AOT that is where the application's types are found.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(int))]
internal sealed partial class AppJson : JsonSerializerContext;
