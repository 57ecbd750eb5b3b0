using Microsoft.CodeAnalysis;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>
/// An [Experimental] component attribute, its use suppressed in the application's code as the diagnostic asks: the registry does not
/// write it (that would be an error in generated code the application cannot suppress), and the runtime reads it by reflection.
/// An [Experimental] component class, constructor, injected member or hook, or a type they use: the registry names them, so it
/// suppresses their ids as the application does in its own code.
/// </summary>
public sealed class ExperimentalTests
{
    [Theory]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public sealed class PreviewAttribute : Sprig.ComponentAttribute { }", "[Preview]")]
    [InlineData("public sealed class PreviewAttribute : Sprig.ComponentAttribute { [System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public string? Tier { get; set; } }", "[Preview(Tier = \"beta\")]")]
    [InlineData("public sealed class PreviewAttribute : Sprig.ComponentAttribute { } [System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")] public enum Tier { Beta } public sealed class TieredAttribute : Sprig.ComponentAttribute { public Tier Tier { get; set; } }", "[Tiered(Tier = Tier.Beta)]")]
    public void AnExperimentalAttributeOrArgument_IsLeftToReflection_AndTheRegistryBuilds(string declarations, string use)
    {
        var registry = BuiltRegistry($$"""
            namespace E;
            #pragma warning disable EXP001
            {{declarations}}
            {{use}} public sealed class Tried { }
            #pragma warning restore EXP001
            """);

        registry.Should().NotContain("Attribute = ");
    }

    [Theory]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"EXP002\")] [Sprig.Component] public sealed class Tried { }")]
    [InlineData("[Sprig.Component] public sealed class Tried { [System.Diagnostics.CodeAnalysis.Experimental(\"EXP002\")] public Tried() { } }")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"EXP002\")] public sealed class Engine { } [Sprig.Component] public sealed class Tried(System.Collections.Generic.List<Engine[]> engines) { }")]
    [InlineData("[Sprig.Component] public sealed class Tried { [System.Diagnostics.CodeAnalysis.Experimental(\"EXP002\")] [Sprig.Inject] public string? Name { get; set; } }")]
    [InlineData("[Sprig.Component] public sealed class Tried { [System.Diagnostics.CodeAnalysis.Experimental(\"EXP002\")] [Sprig.PostConstruct] public void Ready() { } }")]
    public void AnExperimentalClassConstructorMemberOrType_IsSuppressedInTheRegistry_WhichBuilds(string declarations)
    {
        var registry = BuiltRegistry($$"""
            namespace E;
            #pragma warning disable EXP002
            {{declarations}}
            """);

        registry.Should().Contain("#pragma warning disable EXP002 // [Experimental] APIs the components use");
    }

    /// <summary>Compiles the source (which must have no error), runs the generator, and returns the registry, the output having no error.</summary>
    private static string BuiltRegistry(string source)
    {
        var compilation = GeneratorRunner.Compile("Experimental", source);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();

        var (_, output, result) = GeneratorRunner.Run(compilation);

        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        return result.GeneratedSources.Single(s => s.HintName == "SprigGeneratedRegistry.g.cs").SourceText.ToString();
    }
}
