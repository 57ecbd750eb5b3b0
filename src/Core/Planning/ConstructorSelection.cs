using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Planning;

/// <summary>
/// Chooses the constructor of a class component, by each rule set's own rule: Sprig's (the one marked [Inject], else the only
/// public one, else the public parameterless one) and MS.DI's (the one marked [Inject], else the longest whose parameters can
/// all be satisfied). A problem is recorded, never thrown.
/// </summary>
internal static class ConstructorSelection
{
    /// <summary>Sprig's rule, for attributed components: the choice is made once per class (<see cref="TypeScan.Constructor"/>).</summary>
    public static (ConstructorInfo? Constructor, Generated.GeneratedConstructor? Generated, InjectionPoint[] Parameters) Attributed(ComponentDefinition definition, Problems problems)
    {
        var choice = TypeScan.Of(definition.ImplementationType!).Constructor;
        switch (choice.Problem)
        {
            case ConstructorProblem.SeveralMarked:
                problems.Add(new ComponentCreationException(Errors.SeveralInjectConstructors(definition, choice.Candidates), definition.Name, [definition.Name]));
                break;
            case ConstructorProblem.NonePublic:
                problems.Add(new ComponentCreationException(Errors.NoPublicConstructor(definition), definition.Name, [definition.Name]));
                break;
            case ConstructorProblem.SeveralPublic:
                problems.Add(new ComponentCreationException(Errors.SeveralConstructors(definition, choice.Candidates), definition.Name, [definition.Name]));
                break;
        }

        return (choice.Chosen, choice.Generated, choice.Parameters);
    }

    /// <summary>MS.DI's rule, for service descriptors; <paramref name="canResolve"/> tells whether a parameter can be satisfied.</summary>
    public static ConstructorInfo? LongestSatisfiable(ComponentDefinition definition, Func<ParameterInfo, bool> canResolve, Problems problems)
    {
        var type = definition.ImplementationType!;
        // [Inject] on a constructor decides, as the ambiguity message advises; MS.DI's rule picks among the others.
        var marked = type.GetConstructors().Where(c => c.IsDefined(typeof(InjectAttribute), inherit: false)).ToList();
        if (marked.Count > 1)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralInjectConstructors(definition, marked), definition.Name, [definition.Name]));
            return null;
        }

        if (marked.Count == 1)
        {
            return marked[0];
        }

        var candidates = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).ToList();
        ConstructorInfo? best = null;
        foreach (var constructor in candidates)
        {
            if (best is not null && constructor.GetParameters().Length < best.GetParameters().Length)
            {
                break;
            }

            if (constructor.GetParameters().All(p => p.HasDefaultValue || canResolve(p)))
            {
                if (best is not null)
                {
                    problems.Add(new ComponentCreationException(Errors.EquallyLongConstructors(definition, [best, constructor]), definition.Name, [definition.Name]));
                    return null;
                }

                best = constructor;
            }
        }

        if (best is null && candidates.Count > 0)
        {
            // Report what the longest constructor lacks.
            return candidates[0];
        }

        if (best is null)
        {
            problems.Add(new ComponentCreationException(Errors.NoPublicConstructor(definition), definition.Name, [definition.Name]));
        }

        return best;
    }
}
