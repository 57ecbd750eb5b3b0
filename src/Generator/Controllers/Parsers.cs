using System.Linq;
using Microsoft.CodeAnalysis;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Controllers;

/// <summary>How generated code parses a route, query or header value into a parameter's type, as RequestDelegateFactory does.</summary>
internal static class Parsers
{
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>
    /// The call that parses <c>v</c> into <c>x</c>, or null when the type has no TryParse, chosen as RequestDelegateFactory's
    /// ParameterBindingMethodCache does: an enum's; the numbers' and dates' with its styles and the invariant culture; a Uri's
    /// TryCreate; then
    /// TryParse(string, IFormatProvider, out T) with the invariant culture; then TryParse(string, out T).
    /// </summary>
    public static string? Parser(ITypeSymbol type)
    {
        const string Globalization = "global::System.Globalization.";
        var name = TypeNames.Of(type);
        if (type.TypeKind == TypeKind.Enum)
        {
            return $"global::System.Enum.TryParse<{name}>(v, out x)";
        }

        var numberStyles = type.SpecialType switch
        {
            SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_IntPtr => "Integer",
            SpecialType.System_Double or SpecialType.System_Single => "AllowThousands | " + Globalization + "NumberStyles.Float",
            SpecialType.System_Decimal => "Number",
            _ => type.ToDisplayString() switch
            {
                "System.Half" => "AllowThousands | " + Globalization + "NumberStyles.Float",
                "System.Numerics.BigInteger" => "Integer",
                _ => null,
            },
        };
        if (numberStyles is not null)
        {
            return $"{name}.TryParse(v, {Globalization}NumberStyles.{numberStyles}, {Globalization}CultureInfo.InvariantCulture, out x)";
        }

        var dateStyles = type.SpecialType == SpecialType.System_DateTime ? "AdjustToUniversal | " + Globalization + "DateTimeStyles.AllowWhiteSpaces" : type.ToDisplayString() switch
        {
            "System.DateTimeOffset" => "AssumeUniversal | " + Globalization + "DateTimeStyles.AllowWhiteSpaces",
            "System.DateOnly" or "System.TimeOnly" => "AllowWhiteSpaces",
            _ => null,
        };
        if (dateStyles is not null)
        {
            return $"{name}.TryParse(v, {Globalization}CultureInfo.InvariantCulture, {Globalization}DateTimeStyles.{dateStyles}, out x)";
        }

        // RequestDelegateFactory binds a Uri through Uri.TryCreate, relative or absolute.
        if (type is { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return "global::System.Uri.TryCreate(v, global::System.UriKind.RelativeOrAbsolute, out x)";
        }

        var methods = type.GetMembers("TryParse").OfType<IMethodSymbol>().Where(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
            && m.ReturnType.SpecialType == SpecialType.System_Boolean && m.Parameters.Length > 0 && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && m.Parameters[^1].RefKind == RefKind.Out && SymbolEqualityComparer.Default.Equals(m.Parameters[^1].Type, type)).ToList();
        if (methods.Any(m => m.Parameters.Length == 3 && m.Parameters[1].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() == "System.IFormatProvider"))
        {
            return $"{name}.TryParse(v, global::System.Globalization.CultureInfo.InvariantCulture, out x)";
        }

        return methods.Any(m => m.Parameters.Length == 2) ? $"{name}.TryParse(v, out x)" : null;
    }

    /// <summary>The ValueParser lambda of a parameter's type (null for a string).</summary>
    public static string ParserOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return "null";
        }

        var underlying = Underlying(type);
        var parse = Parser(underlying)!;
        return SymbolEqualityComparer.Default.Equals(underlying, type)
            ? $"static (string v, out {TypeNames.Of(type)} x) => {parse}"
            : $"static (string v, out {TypeNames.Of(type)} r) => {{ var ok = {parse.Replace("out x)", "out var x)")}; r = ok ? x : null; return ok; }}";
    }

}
