using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Definitions;
using Sprig.Generated;

namespace Sprig.Planning;

/// <summary>
/// The constructor Sprig's rule chooses for a class (the one marked [Inject], else the only public one, else the public
/// parameterless one), with an injection point per parameter; or the problem and its candidates. Where Sprig.Generator chose it
/// at compile time (<see cref="GeneratedComponent.ChosenConstructor"/>) and generated calls are used, nothing is read by
/// reflection: <see cref="Chosen"/> is null and <see cref="Generated"/> is the choice.
/// </summary>
internal sealed record AttributedConstructor(ConstructorInfo? Chosen, InjectionPoint[] Parameters, ConstructorProblem Problem, IReadOnlyList<ConstructorInfo> Candidates)
{
    /// <summary>Gets the generated call of the constructor the generator chose, when <see cref="Chosen"/> was not read; else null.</summary>
    public GeneratedConstructor? Generated { get; private init; }

    public static AttributedConstructor Read([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type, GeneratedCalls generated)
    {
        if (generated.Component is { ChosenConstructor: >= 0 and var index } component && component.Constructors[index] is { ParameterNames: { } names } constructor)
        {
            var points = new InjectionPoint[names.Count];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = InjectionPoint.ForPlainParameter(names[i], constructor.ParameterTypes[i]);
            }

            return new(null, points, ConstructorProblem.None, []) { Generated = constructor };
        }

        var all = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (all.Length == 1 && all[0].IsPublic)
        {
            return Choose(all[0]); // the common case: one public constructor, marked or not
        }

        var marked = all.Where(c => c.IsDefined(typeof(InjectAttribute))).ToList();
        if (marked.Count == 1)
        {
            return Choose(marked[0]);
        }

        if (marked.Count > 1)
        {
            return new(null, [], ConstructorProblem.SeveralMarked, marked);
        }

        var visible = all.Where(c => c.IsPublic).ToList();
        if (visible.Count == 1)
        {
            return Choose(visible[0]);
        }

        if (visible.Count == 0)
        {
            return new(null, [], ConstructorProblem.NonePublic, []);
        }

        // Several public constructors and none marked: like Spring, the parameterless one is the default.
        var parameterless = visible.FirstOrDefault(c => c.GetParameters().Length == 0);
        return parameterless is null ? new(null, [], ConstructorProblem.SeveralPublic, visible) : Choose(parameterless);
    }

    private static AttributedConstructor Choose(ConstructorInfo constructor) =>
        new(constructor, [.. constructor.GetParameters().Select(p => InjectionPoint.ForParameter(p, "constructor"))], ConstructorProblem.None, []);
}
