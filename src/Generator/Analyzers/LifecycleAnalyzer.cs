using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0004: a [PostConstruct], [OnStart] or [PreDestroy] method whose signature breaks its attribute's rule (the runtime's
/// TypeScan rules); SPRIG0009: an [OnStart] method on a component that is not a singleton; SPRIG0010: a static lifecycle method,
/// which the runtime never looks at and so never calls.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SprigDiagnostics.LifecycleSignature, SprigDiagnostics.OnStartNeedsSingleton, SprigDiagnostics.StaticLifecycleMethod);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig) =>
        context.RegisterSymbolAction(c => Analyze(c, sprig), SymbolKind.Method);

    private static void Analyze(SymbolAnalysisContext context, SprigTypes sprig)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is not { TypeKind: TypeKind.Class } owner || method.MethodKind != MethodKind.Ordinary)
        {
            return;
        }

        Check(context, sprig, method, owner, sprig.PostConstruct, "PostConstruct");
        Check(context, sprig, method, owner, sprig.OnStart, "OnStart");
        Check(context, sprig, method, owner, sprig.PreDestroy, "PreDestroy");
    }

    private static void Check(SymbolAnalysisContext context, SprigTypes sprig, IMethodSymbol method, INamedTypeSymbol owner, INamedTypeSymbol? attribute, string name)
    {
        if (!SprigTypes.Has(method, attribute))
        {
            return;
        }

        var facts = ComponentFacts.Of(owner, sprig);
        var component = facts.ClassComponentName;
        var location = LocationOf(method);
        if (method.IsStatic)
        {
            context.ReportDiagnostic(Diagnostic.Create(SprigDiagnostics.StaticLifecycleMethod, location, AnalyzerMessages.StaticLifecycleMethod(component, name, method)));
            return;
        }

        var isStart = name == "OnStart";
        if (!(isStart ? IsStartHook(method, sprig) : IsSimpleHook(method, sprig)))
        {
            var rule = isStart ? AnalyzerMessages.OnStartRule : name == "PostConstruct" ? AnalyzerMessages.PostConstructRule : AnalyzerMessages.PreDestroyRule;
            context.ReportDiagnostic(Diagnostic.Create(SprigDiagnostics.LifecycleSignature, location, AnalyzerMessages.InvalidLifecycleMethod(component, name, method, rule)));
        }
        else if (isStart && facts.Scope is { } scope && scope != ComponentFacts.Singleton)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                SprigDiagnostics.OnStartNeedsSingleton, location, AnalyzerMessages.OnStartNeedsSingleton(component, ComponentFacts.ScopeName(scope), method)));
        }
    }

    // No parameters, no type parameters, and void or Task exactly.
    private static bool IsSimpleHook(IMethodSymbol method, SprigTypes sprig) =>
        method.Parameters.Length == 0 && !method.IsGenericMethod && !method.ReturnsByRef && !method.ReturnsByRefReadonly
        && (method.ReturnsVoid || SymbolEqualityComparer.Default.Equals(method.ReturnType, sprig.Task));

    // A Task (or a class derived from it), no type parameters, and no parameters or one CancellationToken.
    private static bool IsStartHook(IMethodSymbol method, SprigTypes sprig) =>
        !method.IsGenericMethod && !method.ReturnsByRef && !method.ReturnsByRefReadonly && DerivesFrom(method.ReturnType, sprig.Task)
        && (method.Parameters.Length == 0
            || (method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, sprig.CancellationToken)));

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
