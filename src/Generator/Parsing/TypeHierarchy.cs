using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>Questions about a class's place among types, shared by the component and controller parsers.</summary>
internal static class TypeHierarchy
{
    /// <summary>Tells whether the type or a type containing it has type parameters of its own.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The class and its base classes, base first, <see cref="object"/> left out.</summary>
    public static List<INamedTypeSymbol> BaseFirst(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        return chain;
    }

    /// <summary>
    /// The interfaces whose methods <paramref name="method"/> implements on <paramref name="type"/>, decided where the compiler
    /// knows, because Native AOT's reflection cannot map interfaces to their implementations: the runtime reads their attributes
    /// as a route's metadata (<c>[Authorize]</c> or <c>[RequestSizeLimit]</c> written on an interface method).
    /// </summary>
    public static List<INamedTypeSymbol> Implemented(INamedTypeSymbol type, IMethodSymbol method) =>
        [.. type.AllInterfaces.Where(i => i.GetMembers().OfType<IMethodSymbol>()
            .Any(member => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method)))];
}
