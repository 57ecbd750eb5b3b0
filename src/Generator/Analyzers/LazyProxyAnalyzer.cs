using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0001: a [Lazy] member or parameter whose type Castle DynamicProxy cannot proxy (refresh refuses it), unless the generator
/// makes a proxy class for it (an interface the assembly can name, with generation on).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LazyProxyAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SprigDiagnostics.LazyNotProxyable, SprigDiagnostics.LazyClassUnderAot);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig)
    {
        if (sprig.Lazy is null)
        {
            return;
        }

        context.RegisterSymbolAction(c => AnalyzeMember(c, sprig), SymbolKind.Field, SymbolKind.Property);
        context.RegisterSymbolAction(c => AnalyzeMethod(c, sprig), SymbolKind.Method);
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, SprigTypes sprig)
    {
        // A property without a setter is refused for that reason before its proxy is considered.
        if (context.Symbol.ContainingType is not { TypeKind: TypeKind.Class } owner || context.Symbol is IPropertySymbol { SetMethod: null }
            || InjectionPoint.ForMember(context.Symbol, sprig) is not { Lazy: not null } point)
        {
            return;
        }

        Check(context, point, ComponentFacts.Of(owner, sprig).ClassComponentName);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, SprigTypes sprig)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is not { TypeKind: TypeKind.Class } owner || !HasLazyParameter(method, sprig))
        {
            return;
        }

        if (method.MethodKind == MethodKind.Constructor && SymbolEqualityComparer.Default.Equals(ConstructorRule.Read(owner, sprig).Chosen, method))
        {
            var component = ComponentFacts.Of(owner, sprig).ClassComponentName;
            foreach (var parameter in method.Parameters)
            {
                Check(context, InjectionPoint.ForParameter(parameter, "constructor", sprig), component);
            }
        }
        else if (SprigTypes.Find(method, sprig.Bean) is { } bean)
        {
            var component = ComponentFacts.OfBean(method, bean).Name;
            foreach (var point in InjectionPoint.OfBean(method, sprig))
            {
                Check(context, point, component);
            }
        }
    }

    private static bool HasLazyParameter(IMethodSymbol method, SprigTypes sprig)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SprigTypes.Has(parameter, sprig.Lazy))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(SymbolAnalysisContext context, InjectionPoint point, string component)
    {
        if (point.Lazy is null || point.Value is not null || point.Type.TypeKind == TypeKind.Error)
        {
            return;
        }

        // With the generator on, an interface the assembly can name gets a generated proxy class: Castle's rule does not apply.
        if (GeneratorSwitch.IsOn(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions)
            && LazyProxies.ProxyModel.CanGenerate(point.Type, context.Compilation.Assembly))
        {
            return;
        }

        if (ProxyRule.WhyNot(point.Type) is { } why)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                SprigDiagnostics.LazyNotProxyable, LocationOf(point.Symbol, context.Symbol),
                AnalyzerMessages.NotProxyable(component, point.Description, point.Type, why.Reason, why.Fix)));
            return;
        }

        // Castle proxies the class under JIT; a Native AOT application cannot make that proxy (an interface gets a generated one).
        if (IsPublishedAot(context) && point.Type.TypeKind != TypeKind.Interface)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                SprigDiagnostics.LazyClassUnderAot, LocationOf(point.Symbol, context.Symbol),
                AnalyzerMessages.NotProxyable(component, point.Description, point.Type, AnalyzerMessages.LazyClassNeedsDynamicCode(point.Type), AnalyzerMessages.LazyClassFix(point.Type))));
        }
    }

    private static bool IsPublishedAot(SymbolAnalysisContext context) =>
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.PublishAot", out var value)
        && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
