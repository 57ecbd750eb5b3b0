using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator;

/// <summary>Reads the MSBuild switch <c>SprigGenerator</c>: generation is on unless it is <c>false</c>.</summary>
internal static class GeneratorSwitch
{
    public static bool IsOn(AnalyzerConfigOptions options) =>
        !(options.TryGetValue("build_property.SprigGenerator", out var value) && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase));
}
