using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>
/// The constructor Sprig's rule chooses (src/Core/Planning/AttributedConstructor.cs: the one marked [Inject], else the only public
/// one, else the public parameterless one), when the runtime may take the generator's word for it and for its parameters: each
/// carries no attribute and no default value, so what the runtime would read of it by reflection is its type and its name.
/// </summary>
internal static class ConstructorChoice
{
    /// <summary>Returns the chosen constructor of <paramref name="type"/> when it has plain parameters only, or null (the runtime reads the class).</summary>
    public static IMethodSymbol? Plain(INamedTypeSymbol type)
    {
        var chosen = Chosen(type);
        return chosen is not null && chosen.Parameters.All(IsPlain) ? chosen : null;
    }

    private static IMethodSymbol? Chosen(INamedTypeSymbol type)
    {
        var all = type.InstanceConstructors;
        if (all.Length == 1 && all[0].DeclaredAccessibility == Accessibility.Public)
        {
            return all[0];
        }

        var marked = all.Where(c => Symbols.Has(c, Symbols.Inject)).ToList();
        if (marked.Count > 0)
        {
            return marked.Count == 1 ? marked[0] : null; // two marked: the runtime's error to report
        }

        var visible = all.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        return visible.Count == 1 ? visible[0] : visible.FirstOrDefault(c => c.Parameters.Length == 0);
    }

    // A parameter whose every attribute is one the compiler adds (nullable annotations and the like are not in GetAttributes), with
    // no default: the runtime's ParameterInfo would give no [Value], [Lazy] or [InjectByName] and no default value either.
    private static bool IsPlain(IParameterSymbol parameter) =>
        parameter.GetAttributes().IsEmpty && !parameter.HasExplicitDefaultValue && !parameter.IsOptional && !parameter.IsParams
        && parameter.RefKind == RefKind.None;
}
