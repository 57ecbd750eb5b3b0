using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sprig.Generator.Model;

namespace Sprig.Generator.Parsing;

/// <summary>
/// Classes marked with an application's own attribute derived from <c>Sprig.ComponentAttribute</c>, which the runtime's scan
/// accepts and ForAttributeWithMetadataName (exact attribute class only) cannot find.
/// </summary>
internal static class DerivedAttributes
{
    private static readonly string[] KnownNames = ["Component", "Service", "Controller", "Provider", "Configuration"];

    /// <summary>
    /// Tells from the syntax alone whether a node is a class with an attribute other than Sprig's five component attributes:
    /// a class marked only with those is found by ForAttributeWithMetadataName, and most classes carry no attribute at all.
    /// </summary>
    public static bool MayCarry(SyntaxNode node) =>
        node is ClassDeclarationSyntax { AttributeLists.Count: > 0 } declaration
        && declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => !IsKnown(a.Name));

    /// <summary>Returns the spec of a class carrying a derived component attribute, or null.</summary>
    public static ComponentSpec? Parse(GeneratorSyntaxContext context, CancellationToken cancellation)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellation) is not INamedTypeSymbol type)
        {
            return null;
        }

        var classes = type.GetAttributes().Select(a => a.AttributeClass).Where(c => c is not null).ToList();
        if (classes.Any(c => Symbols.ComponentAttributes.Contains(c!.ToDisplayString())) || !classes.Any(c => Symbols.DerivesFrom(c!.BaseType, Symbols.Component)))
        {
            return null; // one of Sprig's own (the other pipelines' business), or no component attribute at all
        }

        return ComponentParser.Parse(type, context.SemanticModel.Compilation, cancellation);
    }

    private static bool IsKnown(NameSyntax name)
    {
        var simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax plain => plain.Identifier.ValueText,
            _ => "",
        };
        if (simple.EndsWith("Attribute", StringComparison.Ordinal))
        {
            simple = simple.Substring(0, simple.Length - "Attribute".Length);
        }

        return KnownNames.Contains(simple);
    }
}
