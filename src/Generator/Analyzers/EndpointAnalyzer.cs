using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0005: an [Endpoint] method refresh refuses to serve (the runtime's EndpointCollector.CanServe): a generic method, a
/// parameter passed by reference or typed as a pointer or ref struct, a result returned by reference or typed as one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SprigDiagnostics.EndpointSignature);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig)
    {
        if (sprig.Endpoint is not null)
        {
            context.RegisterSymbolAction(c => Analyze(c, sprig), SymbolKind.Method);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, SprigTypes sprig)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is not { TypeKind: TypeKind.Class } owner || SprigTypes.Find(method, sprig.Endpoint) is not { } endpoint)
        {
            return;
        }

        var facts = ComponentFacts.Of(owner, sprig);
        var name = endpoint.ConstructorArguments.Length == 1 && endpoint.ConstructorArguments[0].Value is string given ? given : method.MetadataName;
        var address = $"{facts.Namespace}/{facts.Name}/{name}";
        if (method.IsGenericMethod)
        {
            Report(context, LocationOf(method), AnalyzerMessages.EndpointOpenGeneric(address, method));
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || CannotBeJson(parameter.Type))
            {
                Report(context, LocationOf(parameter, method), AnalyzerMessages.EndpointParameterUnsupported(address, method, parameter));
            }
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly || CannotBeJson(method.ReturnType))
        {
            Report(context, LocationOf(method), AnalyzerMessages.EndpointReturnUnsupported(address, method));
        }
    }

    private static bool CannotBeJson(ITypeSymbol type) => type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType;

    private static void Report(SymbolAnalysisContext context, Location location, string message) =>
        context.ReportDiagnostic(Diagnostic.Create(SprigDiagnostics.EndpointSignature, location, message));
}
