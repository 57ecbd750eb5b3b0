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
    /// <summary>Sprig's rule, for attributed components.</summary>
    public static ConstructorInfo? Attributed(ComponentDefinition definition, Problems problems)
    {
        var type = definition.ImplementationType!;
        var all = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (all.Length == 1 && all[0].IsPublic)
        {
            return all[0]; // the common case: one public constructor, marked or not
        }

        var marked = all.Where(c => c.IsDefined(typeof(InjectAttribute))).ToList();
        if (marked.Count == 1)
        {
            return marked[0];
        }

        if (marked.Count > 1)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralInjectConstructors(definition, marked), definition.Name, [definition.Name]));
            return null;
        }

        var visible = all.Where(c => c.IsPublic).ToList();
        if (visible.Count == 1)
        {
            return visible[0];
        }

        if (visible.Count == 0)
        {
            problems.Add(new ComponentCreationException(Errors.NoPublicConstructor(definition), definition.Name, [definition.Name]));
            return null;
        }

        // Several public constructors and none marked: like Spring, the parameterless one is the default.
        var parameterless = visible.FirstOrDefault(c => c.GetParameters().Length == 0);
        if (parameterless is null)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralConstructors(definition, visible), definition.Name, [definition.Name]));
        }

        return parameterless;
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
                    problems.Add(new ComponentCreationException(Errors.SeveralConstructors(definition, [best, constructor]), definition.Name, [definition.Name]));
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
