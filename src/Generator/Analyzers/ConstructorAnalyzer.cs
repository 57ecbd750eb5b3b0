using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0002: a component with no constructor Sprig may use (none public, none marked [Inject]); SPRIG0003: a component whose
/// constructor Sprig cannot choose (several marked [Inject], or several public ones and none parameterless); SPRIG0008: a
/// component attribute on an abstract, static or generic class.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstructorAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SprigDiagnostics.NoUsableConstructor, SprigDiagnostics.AmbiguousConstructor, SprigDiagnostics.NotAComponentClass);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig) =>
        context.RegisterSymbolAction(c => Analyze(c, sprig), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, SprigTypes sprig)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || sprig.ComponentAttribute(type) is not { AttributeClass: { } attribute })
        {
            return;
        }

        var location = LocationOf(type);
        if (NotConcrete(type) is { } what)
        {
            var attributeName = attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - 9) : attribute.Name;
            context.ReportDiagnostic(Diagnostic.Create(SprigDiagnostics.NotAComponentClass, location, AnalyzerMessages.NotAComponentClass(type, attributeName, what)));
            return;
        }

        var constructor = ConstructorRule.Read(type, sprig);
        var component = ComponentFacts.Of(type, sprig).ClassComponentName;
        var diagnostic = constructor.Outcome switch
        {
            ConstructorRule.Problem.NonePublic => Diagnostic.Create(
                SprigDiagnostics.NoUsableConstructor, location, AnalyzerMessages.NoPublicConstructor(component, type)),
            ConstructorRule.Problem.SeveralMarked => Diagnostic.Create(
                SprigDiagnostics.AmbiguousConstructor, location, AnalyzerMessages.SeveralInjectConstructors(component, type, constructor.Candidates)),
            ConstructorRule.Problem.SeveralPublic => Diagnostic.Create(
                SprigDiagnostics.AmbiguousConstructor, location, AnalyzerMessages.SeveralConstructors(component, type, constructor.Candidates)),
            _ => null,
        };
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    // The runtime's scan skips these classes, and Register<T>() refuses them: "a component must be a concrete, non-generic class".
    private static string? NotConcrete(INamedTypeSymbol type)
    {
        if (type.IsStatic)
        {
            return "static";
        }

        if (type.IsAbstract)
        {
            return "abstract";
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
            {
                return "generic";
            }
        }

        return null;
    }
}
