using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// The runtime's rule for a [Lazy] proxy type (Sprig.Proxies.LazyProxies.WhyNotProxyable, on Castle DynamicProxy): a type
/// Castle can reach (public, or internal with InternalsVisibleTo DynamicProxyGenAssembly2); an interface; or an unsealed class
/// whose public instance members, its base classes' included, are all virtual.
/// </summary>
internal static class ProxyRule
{
    private const string DynamicProxyAssembly = "DynamicProxyGenAssembly2";

    /// <summary>Says why <paramref name="type"/> cannot be proxied and what to change, or returns null when it can.</summary>
    public static (string Reason, string Fix)? WhyNot(ITypeSymbol type)
    {
        var name = TypeNames.Of(type);
        if (!IsAccessible(type))
        {
            return ($"{(type.TypeKind == TypeKind.Interface ? "interface" : "class")} {name} is not public, and Castle DynamicProxy can only proxy public types",
                $"Make {name} public (an internal type needs [assembly: InternalsVisibleTo(\"{DynamicProxyAssembly}\")] in its assembly)");
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return null;
        }

        if (type.IsSealed || type.IsValueType || type.TypeKind is TypeKind.Array or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return ($"class {name} is sealed", $"Inject an interface that {name} implements, unseal it and make its public members virtual");
        }

        var notVirtual = NotVirtual(type);
        return notVirtual.Count == 0
            ? null
            : ($"class {name} has public members that are not virtual ({string.Join(", ", notVirtual)})",
                $"Inject an interface that {name} implements, make those members virtual");
    }

    // Castle's ProxyUtil.IsAccessible: the type's own accessibility decides (not its containing types').
    private static bool IsAccessible(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return true; // arrays and the like are public, and sealed
        }

        return named.DeclaredAccessibility switch
        {
            Accessibility.Public => true,
            Accessibility.Internal or Accessibility.ProtectedOrInternal => InternalsVisibleToDynamicProxy(named.ContainingAssembly),
            _ => false,
        };
    }

    private static bool InternalsVisibleToDynamicProxy(IAssemblySymbol? assembly) =>
        assembly is not null && assembly.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InternalsVisibleToAttribute"
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string friend
            && friend.Contains(DynamicProxyAssembly));

    // Reflection's GetMembers(Instance | Public) order: methods, then properties, then events; most derived class first.
    private static List<string> NotVirtual(ITypeSymbol type)
    {
        var hierarchy = new List<ITypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            hierarchy.Add(t);
        }

        var members = hierarchy.SelectMany(t => t.GetMembers()).Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public).ToList();
        var found = new List<string>();
        Add(members.OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !IsOverridable(m)).Select(m => $"method {m.MetadataName}"));
        Add(members.OfType<IPropertySymbol>().Where(p => !IsOverridable(p)).Select(p => $"property {p.MetadataName}"));
        Add(members.OfType<IEventSymbol>().Where(e => !IsOverridable(e)).Select(e => $"event {e.MetadataName}"));
        return found;

        void Add(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (!found.Contains(name))
                {
                    found.Add(name);
                }
            }
        }
    }

    private static bool IsOverridable(ISymbol member) => (member.IsVirtual || member.IsAbstract || member.IsOverride) && !member.IsSealed;
}
