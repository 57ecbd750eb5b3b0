using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Resolution;

namespace Sprig.Definitions;

/// <summary>
/// How refresh decided to build one component: the constructor or factory method and its arguments, the members to inject,
/// the lifecycle methods. Built once at refresh; both the reflective and the compiled creation paths follow it.
/// </summary>
internal sealed class ComponentPlan
{
    public static readonly ComponentPlan Empty = new();

    /// <summary>The plan of every service descriptor's factory delegate: call it (the definition holds it).</summary>
    public static readonly ComponentPlan Delegate = new() { Stages = ["its factory delegate"] };

    private readonly ConstructorInfo? _constructor;
    private ConstructorInfo? _found;

    /// <summary>
    /// Gets the constructor, or null when the component is not made by one. When the planner took Sprig.Generator's choice
    /// (<see cref="GeneratedFor"/>), it is looked up on first use only: creation calls <see cref="Generated"/>.
    /// </summary>
    public ConstructorInfo? Constructor
    {
        get => _constructor ?? (GeneratedFor is null ? null : _found ??= Find(GeneratedFor, Generated!));
        init => _constructor = value;
    }

    /// <summary>Gets whether the component is made by a constructor (without looking <see cref="Constructor"/> up).</summary>
    public bool ByConstructor => _constructor is not null || GeneratedFor is not null;

    /// <summary>Gets Sprig.Generator's call of <see cref="Constructor"/>, or null: reflection calls it.</summary>
    public Sprig.Generated.GeneratedConstructor? Generated { get; init; }

    /// <summary>
    /// Gets the class whose constructor <see cref="Generated"/> calls, when the planner took Sprig.Generator's choice of it without
    /// reading the class's constructors by reflection; else null.
    /// </summary>
    [DynamicallyAccessedMembers(ComponentMembers.Kept)]
    public Type? GeneratedFor { get; init; }

    /// <summary>Gets the generated call of <see cref="Constructor"/> with its arguments in an array, or null: reflection calls it.</summary>
    public Func<object?[], object>? Create => Generated?.Create;

    /// <summary>Gets Sprig.Generator's call of <see cref="FactoryMethod"/> (owner, arguments), or null: reflection calls it.</summary>
    public Func<object?, object?[], object?>? CallFactory { get; init; }

    public MethodInfo? FactoryMethod { get; init; }

    public Dependency? FactoryOwner { get; init; }

    public IReadOnlyList<Dependency> Arguments { get; init; } = [];

    public IReadOnlyList<MemberInjection> Members { get; init; } = [];

    public IReadOnlyList<MethodInfo> PostConstruct { get; init; } = [];

    public IReadOnlyList<MethodInfo> OnStart { get; init; } = [];

    public IReadOnlyList<MethodInfo> PreDestroy { get; init; } = [];

    /// <summary>
    /// Gets Sprig.Generator's calls of <see cref="PostConstruct"/>, <see cref="OnStart"/> and <see cref="PreDestroy"/>, index for
    /// index (a null item, or an empty list when the class has no generated code: reflection calls it). Matched once, when planned.
    /// </summary>
    public GeneratedHookCalls HookCalls { get; init; } = GeneratedHookCalls.None;

    /// <summary>Gets the words for each creation stage, for messages: the constructor or factory, then each member, then each [PostConstruct].</summary>
    public IReadOnlyList<string> Stages { get; init; } = ["its constructor"];

    /// <summary>Gets every component this plan links to, and whether the link is lazy (computed once).</summary>
    public IReadOnlyList<(ComponentEntry Target, bool Lazy)> Links => _links ??= CollectLinks();

    /// <summary>
    /// Gets whether an instance may need destroying: it has [PreDestroy] methods, or its type is (or, for a factory whose declared
    /// type is not sealed, may be) disposable. Decided once, so that creating a prototype checks nothing per call when it is false.
    /// </summary>
    public bool MayNeedDestroy { get; init; } = true;

    /// <summary>Returns what a created singleton still needs after refresh: its [PreDestroy] methods, nothing of its construction.</summary>
    public ComponentPlan Slim() =>
        !ByConstructor && FactoryMethod is null && Arguments.Count == 0 && Members.Count == 0
            ? this
            : new() { PreDestroy = PreDestroy, HookCalls = HookCalls, MayNeedDestroy = MayNeedDestroy, Stages = [] };

    public bool NeedsDestroy(object instance) => MayNeedDestroy && (PreDestroy.Count > 0 || instance is IDisposable || instance is IAsyncDisposable);

    private (ComponentEntry Target, bool Lazy)[]? _links;

    private (ComponentEntry Target, bool Lazy)[] CollectLinks()
    {
        // Most plans link only through their arguments to single components: no LINQ, one array.
        List<(ComponentEntry Target, bool Lazy)>? links = null;
        if (FactoryOwner is not null)
        {
            Add(FactoryOwner);
        }

        foreach (var argument in Arguments)
        {
            Add(argument);
        }

        foreach (var member in Members)
        {
            Add(member.Dependency);
        }

        return links is null ? [] : [.. links];

        void Add(Dependency dependency)
        {
            if (dependency is ComponentDependency direct)
            {
                (links ??= []).Add((direct.Target, false));
            }
            else if (dependency is not (ConstantDependency or SkipDependency))
            {
                (links ??= []).AddRange(dependency.Links);
            }
        }
    }

    private static ConstructorInfo Find([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type, Sprig.Generated.GeneratedConstructor generated) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [.. generated.ParameterTypes], null)
            ?? throw new InvalidOperationException(Diagnostics.Errors.Bug($"'{type}' has no constructor of the generated one's parameter types."));

    public static bool TypeMayNeedDestroy(Type type, bool exact) =>
        typeof(IDisposable).IsAssignableFrom(type) || typeof(IAsyncDisposable).IsAssignableFrom(type) || (!exact && !type.IsSealed && !type.IsValueType);
}
