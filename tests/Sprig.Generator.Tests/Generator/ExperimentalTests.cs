using Microsoft.CodeAnalysis;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>
/// An [Experimental] component attribute, its use suppressed in the application's code as the diagnostic asks: the registry does not
/// write it (that would be an error in generated code the application cannot suppress), and the runtime reads it by reflection.
/// (Found in review; an [Experimental] component class itself still breaks the build, as before: see the README.)
/// </summary>
public sealed class ExperimentalTests
{
    [Theory]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public sealed class PreviewAttribute : Sprig.ComponentAttribute { }", "[Preview]")]
    [InlineData("public sealed class PreviewAttribute : Sprig.ComponentAttribute { [System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public string? Tier { get; set; } }", "[Preview(Tier = \"beta\")]")]
    [InlineData("public sealed class PreviewAttribute : Sprig.ComponentAttribute { } [System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public enum Tier { Beta } public sealed class TieredAttribute : Sprig.ComponentAttribute { public Tier Tier { get; set; } }", "[Tiered(Tier = Tier.Beta)]")]
    public void AnExperimentalAttributeOrArgument_IsLeftToReflection_AndTheRegistryBuilds(string declarations, string use)
    {
        var compilation = GeneratorRunner.Compile("E10", $$"""
            namespace E;
            #pragma warning disable EXP001
            {{declarations}}
            {{use}} public sealed class Tried { }
            #pragma warning restore EXP001
            """);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();

        var (_, output, result) = GeneratorRunner.Run(compilation);

        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        result.GeneratedSources.Single(s => s.HintName == "SprigGeneratedRegistry.g.cs").SourceText.ToString().Should().NotContain("Attribute = ");
    }
}
