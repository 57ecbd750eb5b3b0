using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sprig.Generator.Analyzers;

namespace Sprig.Generator.Tests.Support;

/// <summary>
/// Compiles a sample against .NET 10 and Sprig.Core, runs the Sprig analyzers on it, and (to check that an analyzer reports
/// what refresh refuses) refreshes a context of the sample's classes with the real runtime.
/// </summary>
internal static class AnalyzerRunner
{
    private static readonly MetadataReference[] References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(ComponentAttribute).Assembly.Location)];

    private static int _assemblies;

    /// <summary>Gets one of each Sprig analyzer.</summary>
    public static DiagnosticAnalyzer[] All =>
    [
        new LazyProxyAnalyzer(), new ConstructorAnalyzer(), new LifecycleAnalyzer(), new EndpointAnalyzer(),
        new UnknownNameAnalyzer(), new CaptiveDependencyAnalyzer(), new ControllerAotAnalyzer(),
    ];

    /// <summary>Compiles <paramref name="source"/> as a library; it must compile without errors, so a test cannot pass for the wrong reason.</summary>
    public static CSharpCompilation Compile(string source, params MetadataReference[] extra)
    {
        var name = "Sample" + Interlocked.Increment(ref _assemblies);
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Sample.cs")],
            [.. References, .. extra],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty("the sample must compile");
        return compilation;
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> (all of them when none are given) with the generator off, as the samples are loaded and
    /// refreshed without it, and returns what they report, in source order.
    /// </summary>
    public static async Task<IReadOnlyList<Reported>> RunAsync(string source, params DiagnosticAnalyzer[] analyzers) =>
        await RunAsync(Compile(source), analyzers);

    public static Task<IReadOnlyList<Reported>> RunAsync(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        RunAsync(compilation, BuildProperties.Of(("SprigGenerator", "false")), analyzers);

    /// <summary>Runs the analyzers as a project with the generator on (the default) sees them.</summary>
    public static Task<IReadOnlyList<Reported>> RunWithGeneratorAsync(string source, params DiagnosticAnalyzer[] analyzers) =>
        RunAsync(Compile(source), BuildProperties.Of(), analyzers);

    /// <summary>Runs the analyzers with the given MSBuild properties (as a project sets them; the generator is on unless they say).</summary>
    public static Task<IReadOnlyList<Reported>> RunAsync(string source, BuildProperties properties, params DiagnosticAnalyzer[] analyzers) =>
        RunAsync(Compile(source), properties, analyzers);

    /// <summary>Runs the analyzers on a compiled sample with the given MSBuild properties.</summary>
    public static async Task<IReadOnlyList<Reported>> RunAsync(Compilation compilation, BuildProperties properties, params DiagnosticAnalyzer[] analyzers)
    {
        var diagnostics = await compilation
            .WithAnalyzers([.. analyzers.Length == 0 ? All : analyzers], new AnalyzerOptions([], properties))
            .GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics
            .Where(d => d.Id.StartsWith("SPRIG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(Reported.From)];
    }

    /// <summary>
    /// Loads the compiled sample, refreshes a context of the named classes, and returns the message refresh throws
    /// (or null when it succeeds): the analyzer's message must be part of it.
    /// </summary>
    public static string? RefreshMessage(Compilation compilation, params string[] typeNames)
    {
        var assembly = Load(compilation);
        var registry = new PendingRegistry();
        foreach (var name in typeNames)
        {
            registry.Register(assembly.GetType(name, throwOnError: true)!);
        }

        using var context = new ApplicationContext(registry);
        try
        {
            context.Refresh();
            return null;
        }
        catch (ContainerException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Refreshes a context of the named classes of the sample and asserts that refresh finds <paramref name="problems"/> problems
    /// and that each reported message is one of them, word for word (the tests of each analyzer pin how many it reports).
    /// </summary>
    public static void ShouldMatchRefresh(IEnumerable<Reported> reported, Compilation compilation, int problems, params string[] typeNames)
    {
        var refused = RefreshMessage(compilation, typeNames);

        refused.Should().StartWith($"Refresh found {problems} problems");
        reported.Should().NotBeEmpty().And.OnlyContain(r => refused!.Contains(r.Message, StringComparison.Ordinal));
    }

    /// <summary>Loads the compiled sample (each sample is an assembly of its own name) into the default load context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Success.Should().BeTrue(string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    /// <summary>Returns the 1-based line of <paramref name="source"/> that contains <paramref name="text"/> (which must occur once).</summary>
    public static int LineOf(string source, string text)
    {
        var at = source.IndexOf(text, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the sample contains '{text}'");
        source.IndexOf(text, at + 1, StringComparison.Ordinal).Should().Be(-1, $"'{text}' occurs once in the sample");
        return source[..at].Count(c => c == '\n') + 1;
    }

    /// <summary>What a diagnostic says and where: its ID, severity, 1-based line, the text of its span, and the whole message.</summary>
    public sealed record Reported(string Id, DiagnosticSeverity Severity, int Line, string Span, string Message)
    {
        public static Reported From(Diagnostic diagnostic)
        {
            var location = diagnostic.Location;
            var span = location.SourceTree?.GetText().ToString(location.SourceSpan) ?? "";
            return new(diagnostic.Id, diagnostic.Severity, location.GetLineSpan().StartLinePosition.Line + 1, span, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
