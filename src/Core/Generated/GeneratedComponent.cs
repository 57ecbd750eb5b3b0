using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Sprig.Generated;

/// <summary>
/// The generated code of one component class: how to call each of its constructors, set each injected member and call each
/// method Sprig calls (lifecycle hooks, [Bean] methods, endpoints). Sprig still reads the class's attributes to plan it, with
/// the same rules and messages as without the generator; these delegates replace reflection's invocation. For generated code only.
/// </summary>
/// <param name="type">The component class (its members are kept by the trimmer for the planner to read).</param>
/// <param name="constructors">One per public constructor (and the non-public one marked [Inject], if any).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedComponent(
    [DynamicallyAccessedMembers(Definitions.ComponentMembers.Kept)] Type type,
    GeneratedConstructor[] constructors)
{
    /// <summary>Gets the component class.</summary>
    [DynamicallyAccessedMembers(Definitions.ComponentMembers.Kept)]
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>Gets how to call its constructors.</summary>
    public IReadOnlyList<GeneratedConstructor> Constructors { get; } = constructors ?? throw new ArgumentNullException(nameof(constructors));

    /// <summary>Gets how to set its injected members ([Inject], [InjectByName], [Value], [Lazy] properties and fields, any accessibility).</summary>
    public IReadOnlyList<GeneratedMember> Members { get; init; } = [];

    /// <summary>Gets how to call its methods that Sprig calls: [PostConstruct], [OnStart], [PreDestroy], [Bean] and [Endpoint] methods.</summary>
    public IReadOnlyList<GeneratedMethod> Methods { get; init; } = [];

    /// <summary>
    /// Gets or sets the index in <see cref="Constructors"/> of the constructor Sprig's rule chooses (the one marked [Inject], else
    /// the only public one, else the public parameterless one), when its parameters carry no attribute and no default value and
    /// it has <see cref="GeneratedConstructor.ParameterNames"/>; or -1 (the default): the planner then reads the class's
    /// constructors by reflection.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither -1 nor an index of <see cref="Constructors"/>.</exception>
    public int ChosenConstructor
    {
        get;
        init
        {
            if (value < -1 || value >= Constructors.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"The generated component of {Diagnostics.Errors.TypeName(Type)} chooses constructor {value} of {Constructors.Count}. Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with.");
            }

            field = value;
        }
    } = -1;

    /// <summary>
    /// Gets or sets the class's component attribute as written on it ([Component], [Service] and the others, or an attribute of the
    /// application's own derived from <see cref="ComponentAttribute"/>), made by generated code; or null (the default): the
    /// registry reads it by reflection.
    /// </summary>
    public ComponentAttribute? Attribute { get; init; }
}
