using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// The shape every Sprig analyzer shares: concurrent, silent on generated code, and active only in a compilation that
/// references Sprig.Core (the Sprig types are resolved once per compilation and handed to <see cref="Start"/>).
/// </summary>
public abstract class SprigAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (SprigTypes.From(start.Compilation) is { } sprig)
            {
                Start(start, sprig);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references Sprig.Core.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, SprigTypes sprig);

    /// <summary>
    /// Collects the compilation's components as its classes are seen and hands them to <paramref name="analyze"/> at the
    /// compilation's end, for the rules that need the whole set (names, links between components).
    /// </summary>
    private protected static void AtEnd(CompilationStartAnalysisContext context, SprigTypes sprig, System.Action<CompilationAnalysisContext, List<ComponentNode>> analyze)
    {
        var index = new ComponentIndex(sprig);
        context.RegisterSymbolAction(c => index.Add((INamedTypeSymbol)c.Symbol), SymbolKind.NamedType);
        context.RegisterCompilationEndAction(c => analyze(c, index.Nodes()));
    }

    /// <summary>Returns where to report a problem of <paramref name="symbol"/>: its own source location, else <paramref name="fallback"/>'s.</summary>
    private protected static Location LocationOf(ISymbol symbol, ISymbol? fallback = null)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return fallback is null ? Location.None : LocationOf(fallback);
    }
}
