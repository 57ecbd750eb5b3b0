using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sprig.Web.Diagnostics.Json;

/// <summary>The diagnostics answers' JSON: System.Text.Json web defaults (camelCase), source-generated so that no reflection runs per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ComponentJson>))]
[JsonSerializable(typeof(IReadOnlyList<ConditionsJson>))]
[JsonSerializable(typeof(IReadOnlyList<StartupStepJson>))]
[JsonSerializable(typeof(IReadOnlyList<ConfigJson>))]
[JsonSerializable(typeof(MappingsJson))]
[JsonSerializable(typeof(HealthJson))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
