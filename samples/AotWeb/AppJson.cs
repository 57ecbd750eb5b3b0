using System.Text.Json.Serialization;

namespace AotWebSample;

/// <summary>
/// The JSON metadata of the endpoints' and the controller's types, with the web defaults. Registered as a component (Program.cs), it is
/// put ahead of the endpoint calls' built-in resolver at refresh; given to ConfigureHttpJsonOptions, the controller's actions and the
/// IResults they return find it too, as minimal APIs do: under Native AOT that is where the application's types are found.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(Book))]
[JsonSerializable(typeof(List<Book>))]
[JsonSerializable(typeof(Memo))]
internal sealed partial class AppJson : JsonSerializerContext;
