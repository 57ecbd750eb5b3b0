using System.Text.Json.Serialization;

namespace AotSample;

/// <summary>
/// The JSON metadata of the endpoint's types. Registered as a component (Program.cs), it is put ahead of the endpoint calls'
/// built-in resolver at refresh: under Native AOT that is where the types of the application's endpoints are found.
/// </summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SampleJson : JsonSerializerContext;
