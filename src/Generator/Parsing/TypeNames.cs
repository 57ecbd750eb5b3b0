using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sprig.Generator.Parsing;

/// <summary>
/// Writes a type as C# source that compiles anywhere in the assembly: <c>global::</c>-qualified, usable in <c>typeof</c> and
/// casts (no nullable reference annotations, no tuple element names, <c>object</c> for <c>dynamic</c>); and tells whether
/// generated code can name a type at all.
/// </summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Returns the source text of <paramref name="type"/>.</summary>
    public static string Of(ITypeSymbol type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    /// <summary>
    /// Tells whether generated code in <paramref name="assembly"/> can name <paramref name="type"/> and pass it as an object:
    /// accessible from the assembly, not file-local, no pointer, no ref struct, no type parameter, no error.
    /// </summary>
    public static bool CanName(ITypeSymbol type, Compilation compilation) =>
        !type.IsRefLikeType && Nameable(type) && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

    private static bool Nameable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Nameable(array.ElementType),
        IDynamicTypeSymbol => true,
        INamedTypeSymbol named => named.TypeKind != TypeKind.Error && !named.IsFileLocal && !named.IsUnboundGenericType
            && named.TypeArguments.All(Nameable) && (named.ContainingType is null || Nameable(named.ContainingType)),
        _ => false, // type parameters, pointers, function pointers, errors
    };

    private static void Append(StringBuilder text, ITypeSymbol type)
    {
        switch (type)
        {
            case IDynamicTypeSymbol:
                text.Append("object");
                break;
            case IArrayTypeSymbol array:
                // int[][,] is an array of int[,]: the outermost rank is written first, after the innermost element type.
                var ranks = new StringBuilder();
                ITypeSymbol element = array;
                while (element is IArrayTypeSymbol level)
                {
                    ranks.Append('[').Append(',', level.Rank - 1).Append(']');
                    element = level.ElementType;
                }

                Append(text, element);
                text.Append(ranks);
                break;
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                Append(text, nullable.TypeArguments[0]);
                text.Append('?');
                break;
            case INamedTypeSymbol { IsTupleType: true, TupleUnderlyingType: { } underlying } when !SymbolEqualityComparer.Default.Equals(underlying, type):
                Append(text, underlying);
                break;
            case INamedTypeSymbol { Arity: > 0 } generic: // its own type parameters (IsGenericType is also true for a class nested in a generic one)
                if (generic.ContainingType is { } outer)
                {
                    Append(text, outer);
                    text.Append('.');
                }
                else if (generic.ContainingNamespace is { IsGlobalNamespace: false } ns)
                {
                    text.Append(ns.ToDisplayString(Qualified)).Append('.');
                }
                else
                {
                    text.Append("global::");
                }

                text.Append(Escape(generic.Name)).Append('<');
                for (var i = 0; i < generic.TypeArguments.Length; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, generic.TypeArguments[i]);
                }

                text.Append('>');
                break;
            case INamedTypeSymbol { ContainingType: { IsGenericType: true } outerGeneric } nestedInGeneric:
                Append(text, outerGeneric);
                text.Append('.').Append(Escape(nestedInGeneric.Name));
                break;
            default:
                text.Append(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Qualified));
                break;
        }
    }

    /// <summary>Returns an identifier as source: a keyword gets its <c>@</c>.</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
