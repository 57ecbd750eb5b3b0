using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sprig.Generator.Parsing;

/// <summary>
/// Writes a class's component attribute as C# that makes it (<c>new global::Sprig.ServiceAttribute("Users") { Scope = ... }</c>): the
/// same constructor and the same named arguments as written, so an application's own attribute derived from [Component] runs its
/// own code as it does when reflection makes it. The runtime's registry reads it instead of reflection
/// (src/Core/Registry/DefinitionReader.cs).
/// </summary>
internal static class AttributeSource
{
    /// <summary>
    /// Returns the source of the one component attribute <paramref name="type"/> carries, or null when it carries none or several
    /// (the runtime reads them and reports), or when generated code cannot write it (an inaccessible class or constructor, an
    /// argument of a kind written here as nothing, or anything marked [Experimental], whose use the application suppressed in its
    /// own code and would be an error in the registry).
    /// </summary>
    public static string? Of(INamedTypeSymbol type, Compilation compilation)
    {
        var found = type.GetAttributes().Where(a => Symbols.DerivesFrom(a.AttributeClass, Symbols.Component)).ToList();
        if (found.Count != 1 || found[0] is not { AttributeClass: { } attributeClass, AttributeConstructor: { } constructor } attribute
            || !TypeNames.CanName(attributeClass, compilation) || !compilation.IsSymbolAccessibleWithin(constructor, compilation.Assembly)
            || ExperimentalIds.Marks(attributeClass) || ExperimentalIds.Marks(constructor))
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (Constant(argument, compilation) is not { } text)
            {
                return null;
            }

            arguments.Add(text);
        }

        var named = new List<string>();
        foreach (var pair in attribute.NamedArguments)
        {
            if (Constant(pair.Value, compilation) is not { } text
                || attributeClass.GetMembers(pair.Key).Concat(BaseMembers(attributeClass, pair.Key)).Any(ExperimentalIds.Marks))
            {
                return null;
            }

            named.Add($"{TypeNames.Escape(pair.Key)} = {text}");
        }

        var created = $"new {TypeNames.Of(attributeClass)}({string.Join(", ", arguments)})";
        return named.Count == 0 ? created : $"{created} {{ {string.Join(", ", named)} }}";
    }

    private static IEnumerable<ISymbol> BaseMembers(INamedTypeSymbol type, string name)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                yield return member;
            }
        }
    }

    /// <summary>Returns an attribute argument as a C# expression of its own type, or null for a kind not written here.</summary>
    private static string? Constant(TypedConstant constant, Compilation compilation)
    {
        if (constant.IsNull)
        {
            return constant.Type is null || !TypeNames.CanName(constant.Type, compilation) ? "null" : $"({TypeNames.Of(constant.Type)})null";
        }

        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                if (constant.Type is not IArrayTypeSymbol array || !TypeNames.CanName(array, compilation))
                {
                    return null;
                }

                var items = constant.Values.Select(v => Constant(v, compilation)).ToList();
                return items.Any(i => i is null) ? null : $"new {TypeNames.Of(array.ElementType)}[] {{ {string.Join(", ", items)} }}";
            case TypedConstantKind.Type when constant.Value is ITypeSymbol typeValue:
                return TypeNames.CanName(typeValue, compilation) && !ExperimentalIds.Marks(typeValue) ? $"typeof({TypeNames.Of(typeValue)})" : null;
            case TypedConstantKind.Enum when constant.Type is { } enumType && TypeNames.CanName(enumType, compilation) && !ExperimentalIds.Marks(enumType) && Primitive(constant.Value) is { } number:
                return $"({TypeNames.Of(enumType)})({number})";
            case TypedConstantKind.Primitive when constant.Type is { } primitive:
                return constant.Value switch
                {
                    string or bool or char => SymbolDisplay.FormatPrimitive(constant.Value, quoteStrings: true, useHexadecimalNumbers: false),
                    float f when float.IsInfinity(f) || float.IsNaN(f) => null,
                    double d when double.IsInfinity(d) || double.IsNaN(d) => null,
                    _ => Primitive(constant.Value) is { } number ? $"({TypeNames.Of(primitive)})({number})" : null,
                };
            default:
                return null;
        }
    }

    private static string? Primitive(object? value) => value switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        System.IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
