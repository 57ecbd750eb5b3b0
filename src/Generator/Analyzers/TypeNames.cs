using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>Writes types and methods as the runtime's messages do (Errors.TypeName, Errors.MethodSignature): <c>Outer.Inner</c>, <c>List&lt;int&gt;</c>, <c>int?</c>.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string Of(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(Format);

    /// <summary>Returns <c>Type.Method&lt;T&gt;(int a, ref string b)</c>.</summary>
    public static string Signature(IMethodSymbol method)
    {
        var generic = method.IsGenericMethod ? $"<{string.Join(", ", method.TypeParameters.Select(t => t.Name))}>" : "";
        var parameters = method.Parameters.Select(p => p.RefKind == RefKind.None ? $"{Of(p.Type)} {p.Name}" : $"{Passing(p)} {Of(p.Type)} {p.Name}");
        return $"{Of(method.ContainingType)}.{method.MetadataName}{generic}({string.Join(", ", parameters)})";
    }

    /// <summary>Returns <c>Type(int a, string b)</c>, as the runtime lists constructors.</summary>
    public static string ConstructorSignature(IMethodSymbol constructor) =>
        $"{Of(constructor.ContainingType)}({string.Join(", ", constructor.Parameters.Select(p => $"{Of(p.Type)} {p.Name}"))})";

    /// <summary>Returns "out", "in" or "ref", as reflection's IsOut and IsIn tell them apart.</summary>
    public static string Passing(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref",
    };
}
