using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sprig.Generator.Controllers;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0012: in a project published as Native AOT (<c>PublishAot</c>) or meant for it (<c>IsAotCompatible</c>), a public method
/// of a [Controller] class that the generated path cannot serve: the controller generator's own rule (ActionWriter.Why), in
/// the words <c>MapSprig</c> refuses the action with at start-up (forms, <c>[AsParameters]</c>, <c>BindAsync</c>,
/// <c>StringValues</c>, ref parameters, generic methods ...). Under JIT RequestDelegateFactory serves most of them, so it is a
/// warning, and only where the project says it targets Native AOT.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ControllerAotAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SprigDiagnostics.ControllerActionNeedsDynamicCode);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (sprig.Controller is not { } controller || !(IsTrue(options, "PublishAot") || IsTrue(options, "IsAotCompatible"))
            || context.Compilation.GetTypeByMetadataName("Sprig.Web.Generated.GeneratedControllers") is null)
        {
            return;
        }

        context.RegisterSymbolAction(c => Analyze(c, controller), SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol controller)
    {
        // The classes MapSprig serves (as the controller generator takes them); a class it cannot name fails MapSprig on its own.
        var type = (INamedTypeSymbol)context.Symbol;
        if (type is not { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } || TypeHierarchy.IsGeneric(type)
            || !type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, controller)))
        {
            return;
        }

        foreach (var method in ControllerModel.Methods(type))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (ActionWriter.Why(method, context.Compilation) is { } reason)
            {
                // On the method when this class declares it, else on the class (an inherited method).
                var location = SymbolEqualityComparer.Default.Equals(method.ContainingType, type) ? LocationOf(method, type) : LocationOf(type);
                context.ReportDiagnostic(Diagnostic.Create(SprigDiagnostics.ControllerActionNeedsDynamicCode, location, AnalyzerMessages.ActionNeedsDynamicCode(method, reason)));
            }
        }
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
