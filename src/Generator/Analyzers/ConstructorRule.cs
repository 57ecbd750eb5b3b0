using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// Sprig's rule for the constructor of an attributed component, as the runtime's AttributedConstructor applies it: the one
/// marked [Inject] (any accessibility), else the only public one, else the public parameterless one.
/// </summary>
internal readonly struct ConstructorRule
{
    public enum Problem
    {
        None,
        SeveralMarked,
        NonePublic,
        SeveralPublic,
    }

    private ConstructorRule(IMethodSymbol? chosen, Problem problem, ImmutableArray<IMethodSymbol> candidates)
    {
        Chosen = chosen;
        Outcome = problem;
        Candidates = candidates;
    }

    /// <summary>Gets the constructor Sprig uses, or null when there is a problem.</summary>
    public IMethodSymbol? Chosen { get; }

    public Problem Outcome { get; }

    /// <summary>Gets the constructors the problem is about (those marked [Inject], or the public ones).</summary>
    public ImmutableArray<IMethodSymbol> Candidates { get; }

    public static ConstructorRule Read(INamedTypeSymbol type, SprigTypes sprig) => Read(type, c => SprigTypes.Has(c, sprig.Inject));

    /// <summary>Applies the rule with <paramref name="isMarked"/> telling a constructor marked [Inject] (the generator matches the attribute by name).</summary>
    public static ConstructorRule Read(INamedTypeSymbol type, System.Func<IMethodSymbol, bool> isMarked)
    {
        var all = type.InstanceConstructors;
        if (all.Length == 1 && all[0].DeclaredAccessibility == Accessibility.Public)
        {
            return Choose(all[0]); // the common case: one public constructor, marked or not
        }

        var marked = all.Where(isMarked).ToImmutableArray();
        if (marked.Length == 1)
        {
            return Choose(marked[0]);
        }

        if (marked.Length > 1)
        {
            return new(null, Problem.SeveralMarked, marked);
        }

        var visible = all.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToImmutableArray();
        if (visible.Length == 1)
        {
            return Choose(visible[0]);
        }

        if (visible.Length == 0)
        {
            return new(null, Problem.NonePublic, ImmutableArray<IMethodSymbol>.Empty);
        }

        // Several public constructors and none marked: like Spring, the parameterless one is the default.
        var parameterless = visible.FirstOrDefault(c => c.Parameters.Length == 0);
        return parameterless is null ? new(null, Problem.SeveralPublic, visible) : Choose(parameterless);
    }

    /// <summary>Returns the parameters Sprig injects: the chosen constructor's, or none.</summary>
    public IEnumerable<IParameterSymbol> Parameters => Chosen?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

    private static ConstructorRule Choose(IMethodSymbol constructor) => new(constructor, Problem.None, ImmutableArray<IMethodSymbol>.Empty);
}
