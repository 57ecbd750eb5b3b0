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
}
