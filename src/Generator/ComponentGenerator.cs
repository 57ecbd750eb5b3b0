using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sprig.Generator.Emitting;
using Sprig.Generator.Model;
using Sprig.Generator.Parsing;

namespace Sprig.Generator;

/// <summary>
/// Emits one registry per assembly (<c>SprigGeneratedRegistry.g.cs</c>) of every class marked with a Sprig component attribute:
/// delegates that call its constructors, set its injected members and call its lifecycle, [Bean] and [Endpoint] methods, which
/// Sprig.Core uses instead of reflection. Parser (symbols to equatable specs) then emitter (specs to source); nothing in the
/// pipeline holds a symbol or syntax, so an edit that changes no component leaves every step cached. The MSBuild property
/// <c>SprigGenerator=false</c> turns it off.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ComponentGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of each attribute's parsed components (one step per attribute).</summary>
    public const string ParseStep = "Sprig.Parse";

    /// <summary>The tracking name of every component of the assembly, deduplicated and ordered.</summary>
    public const string CollectStep = "Sprig.Collect";

    /// <summary>The tracking name of the <c>SprigGenerator</c> switch.</summary>
    public const string EnabledStep = "Sprig.Enabled";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // An attribute of the application's own that derives from [Component] (ComponentAttribute is not sealed): found through
        // the syntax, for classes with an attribute that is not one of Sprig's five (the common component has none).
        var all = Collected(context.SyntaxProvider.CreateSyntaxProvider(
            static (node, _) => DerivedAttributes.MayCarry(node), static (ctx, ct) => DerivedAttributes.Parse(ctx, ct)));

        // ForAttributeWithMetadataName matches the exact attribute class, so each of Sprig's derived attributes is listed.
        foreach (var attribute in Symbols.ComponentAttributes)
        {
            var parsed = Collected(context.SyntaxProvider.ForAttributeWithMetadataName(attribute, static (_, _) => true, static (ctx, ct) => Parse(ctx, ct)));
            all = all.Combine(parsed).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        var components = all
            .Select(static (specs, _) => new EquatableArray<ComponentSpec>(specs
                .GroupBy(s => s.Type, StringComparer.Ordinal) // a class with two component attributes is matched twice
                .Select(g => g.First())
                .OrderBy(s => s.Type, StringComparer.Ordinal)))
            .WithTrackingName(CollectStep);

        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSwitch.IsOn(options.GlobalOptions))
            .WithTrackingName(EnabledStep);

        context.RegisterSourceOutput(components.Combine(enabled), static (production, input) =>
        {
            var (specs, on) = input;
            if (on && specs.Count > 0)
            {
                production.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(specs));
            }
        });
    }

    private static IncrementalValueProvider<ImmutableArray<ComponentSpec>> Collected(IncrementalValuesProvider<ComponentSpec?> specs) =>
        specs.Where(static spec => spec is not null).Select(static (spec, _) => spec!).WithTrackingName(ParseStep).Collect();

    private static ComponentSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation) =>
        context.TargetSymbol is INamedTypeSymbol type ? ComponentParser.Parse(type, context.SemanticModel.Compilation, cancellation) : null;
}
