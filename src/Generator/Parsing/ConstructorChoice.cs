using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>
/// The constructor Sprig's rule chooses (Analyzers/ConstructorRule, the rule src/Core/Planning/AttributedConstructor.cs applies),
/// when the runtime may take the generator's word for it and for its parameters: each carries no attribute and no default value,
/// so what the runtime would read of it by reflection is its type and its name.
/// </summary>
internal static class ConstructorChoice
{
    /// <summary>Returns the chosen constructor of <paramref name="type"/> when it has plain parameters only, or null (the runtime reads the class).</summary>
    public static IMethodSymbol? Plain(INamedTypeSymbol type)
    {
        // The analyzers' rule (SPRIG0002/SPRIG0003 report its problems), with [Inject] matched by name as the parser does.
        var chosen = Analyzers.ConstructorRule.Read(type, c => Symbols.Has(c, Symbols.Inject)).Chosen;
        return chosen is not null && chosen.Parameters.All(IsPlain) ? chosen : null;
    }

    // A parameter whose every attribute is one the compiler adds (nullable annotations and the like are not in GetAttributes), with
    // no default: the runtime's ParameterInfo would give no [Value], [Lazy] or [InjectByName] and no default value either.
    private static bool IsPlain(IParameterSymbol parameter) =>
        parameter.GetAttributes().IsEmpty && !parameter.HasExplicitDefaultValue && !parameter.IsOptional && !parameter.IsParams
        && parameter.RefKind == RefKind.None;
}
