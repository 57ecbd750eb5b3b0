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

    public ConstructorInfo? Constructor { get; init; }

    public MethodInfo? FactoryMethod { get; init; }

    public Dependency? FactoryOwner { get; init; }

    public IReadOnlyList<Dependency> Arguments { get; init; } = [];

    public IReadOnlyList<MemberInjection> Members { get; init; } = [];

    public IReadOnlyList<MethodInfo> PostConstruct { get; init; } = [];

    public IReadOnlyList<MethodInfo> OnStart { get; init; } = [];

    public IReadOnlyList<MethodInfo> PreDestroy { get; init; } = [];

    /// <summary>Gets the words for each creation stage, for messages: the constructor or factory, then each member, then each [PostConstruct].</summary>
    public IReadOnlyList<string> Stages { get; init; } = ["its constructor"];

    /// <summary>Gets every component this plan links to, and whether the link is lazy.</summary>
    public IEnumerable<(ComponentEntry Target, bool Lazy)> Links =>
        (FactoryOwner?.Links ?? []).Concat(Arguments.SelectMany(a => a.Links)).Concat(Members.SelectMany(m => m.Dependency.Links));

    public bool NeedsDestroy(object instance) => PreDestroy.Count > 0 || instance is IDisposable || instance is IAsyncDisposable;
}
