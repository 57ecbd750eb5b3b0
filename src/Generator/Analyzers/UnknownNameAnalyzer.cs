using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sprig.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0006 (a warning): an [InjectByName] or [Lazy("name")] point of a component asks for a name that no component of the
/// compilation, nor of a referenced library that uses Sprig, declares. The name may still be registered at run time
/// (PendingRegistry.Register(name, type), RegisterInstance), hence a warning; an optional point is not reported, as refresh
/// does not report it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownNameAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SprigDiagnostics.UnknownComponentName);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig) =>
        AtEnd(context, sprig, (c, nodes) => Analyze(c, sprig, nodes));

    private static void Analyze(CompilationAnalysisContext context, SprigTypes sprig, List<ComponentNode> nodes)
    {
        var names = new HashSet<string>(nodes.Select(n => n.Name), System.StringComparer.Ordinal);
        HashSet<string>? referenced = null; // read only when a name is not found in the compilation
        foreach (var node in nodes)
        {
            foreach (var point in node.Points)
            {
                // The runtime's order: a [Value] is configuration, a [Lazy] names its target or goes by type, then [InjectByName].
                var (name, description) = point.Value is not null ? (null, "")
                    : point.Lazy is not null ? (point.LazyName, "[Lazy] " + point.Description)
                    : point.ByName is not null ? (point.ByNameTarget, point.Description)
                    : (null, "");
                if (name is null || point.Optional || names.Contains(name))
                {
                    continue;
                }

                referenced ??= ComponentIndex.ReferencedNames(context.Compilation, sprig);
                if (!referenced.Contains(name))
                {
                    var suggestions = NameSuggestions.For(name, names.Concat(referenced).Where(n => !n.StartsWith("&", System.StringComparison.Ordinal)));
                    context.ReportDiagnostic(Diagnostic.Create(
                        SprigDiagnostics.UnknownComponentName, LocationOf(point.Symbol, node.Declaration),
                        AnalyzerMessages.UnknownName(node.Name, description, name, suggestions)));
                }
            }
        }
    }
}
