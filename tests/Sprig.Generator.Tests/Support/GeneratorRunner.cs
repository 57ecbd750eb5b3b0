using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Tests.Support;

/// <summary>
/// Runs <see cref="ComponentGenerator"/> with <see cref="CSharpGeneratorDriver"/> on in-memory sources compiled against the
/// .NET 10 reference assemblies and Sprig.Core, optionally with MSBuild properties as the compiler sees them.
/// </summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(ComponentAttribute).Assembly.Location)];

    /// <summary>Compiles <paramref name="sources"/> (each its own file) into a library named <paramref name="assemblyName"/>.</summary>
    public static CSharpCompilation Compile(string assemblyName, params string[] sources) => Compile(assemblyName, [], sources);

    /// <summary>Compiles <paramref name="sources"/> into a library that also references <paramref name="references"/>.</summary>
    public static CSharpCompilation Compile(string assemblyName, MetadataReference[] references, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            [.. References, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Creates a driver of the generator that tracks its steps, with the given MSBuild properties (name, value).</summary>
    public static GeneratorDriver Driver(params (string Name, string Value)[] properties) => Driver(new ComponentGenerator(), properties);

    /// <summary>Creates a driver of <paramref name="generator"/> that tracks its steps, with the given MSBuild properties (name, value).</summary>
    public static GeneratorDriver Driver(IIncrementalGenerator generator, params (string Name, string Value)[] properties) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: BuildProperties.Of(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the driver (to run again) and the compilation with the generated files.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorRunResult Result) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        var ran = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        diagnostics.Should().BeEmpty("the generator reports nothing: diagnostics are the analyzers' business");
        return (ran, output, ran.GetRunResult().Results.Single());
    }

    /// <summary>Returns the lines of <paramref name="text"/> that contain <paramref name="containing"/>, in order.</summary>
    public static List<string> Lines(string text, string containing) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(containing, StringComparison.Ordinal))];

    /// <summary>
    /// Runs <paramref name="driver"/> on <paramref name="compilation"/>, then again after a new unrelated file: every one of
    /// <paramref name="steps"/> must be cached or unchanged the second time (the incremental pipeline does no work again).
    /// </summary>
    public static void AssertStepsCachedAfterUnrelatedEdit(GeneratorDriver driver, Compilation compilation, string ns, params string[] steps)
    {
        var ran = driver.RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"namespace {ns}; public sealed class Unrelated {{ public int Value => 42; }}", ParseOptions));
        var result = ran.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in steps)
        {
            result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason)
                .Should().OnlyContain(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, name);
        }
    }

    /// <summary>
    /// Compares generated source with the committed file at <paramref name="expectedPath"/>; with SPRIG_ACCEPT=1 overwrites it
    /// first. On a difference writes the output next to the test assembly and fails saying how to accept a deliberate change.
    /// </summary>
    public static void AssertMatchesCommitted(string actual, string expectedPath, string what)
    {
        if (Environment.GetEnvironmentVariable("SPRIG_ACCEPT") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (actual != expected)
        {
            var actualPath = Path.Combine(AppContext.BaseDirectory, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(expectedPath)) + ".actual.g.cs");
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"The {what} differs from {expectedPath}; the output is in {actualPath}. "
                + "If the change is intended, run the tests with SPRIG_ACCEPT=1 to overwrite the expected file, and commit it.");
        }
    }
}
