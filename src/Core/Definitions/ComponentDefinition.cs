using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Definitions;

/// <summary>One component as the registry holds it: what it is called, what it produces and how. Immutable.</summary>
internal sealed class ComponentDefinition
{
    public ComponentDefinition(string name, Type type, ComponentKind kind, Scope scope)
    {
        Name = name;
        Type = type;
        Kind = kind;
        Scope = scope;
    }

    // Shared by every definition of a type, in every registry: a type's service types never change.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, Type[]> ServiceTypesCache = [];

    private IReadOnlyList<Type>? _serviceTypes;

    /// <summary>Gets the name the component is registered and resolved by.</summary>
    public string Name { get; }

    /// <summary>Gets the type of the object the component hands out.</summary>
    public Type Type { get; }

    public ComponentKind Kind { get; }

    public Scope Scope { get; }

    /// <summary>Gets the class that is constructed (for <see cref="ComponentKind.Class"/>).</summary>
    [DynamicallyAccessedMembers(ComponentMembers.Kept)]
    public Type? ImplementationType { get; init; }

    public object? Instance { get; init; }

    /// <summary>Gets the component that owns <see cref="FactoryMethod"/> (a configuration class, or a provider).</summary>
    public string? FactoryOwner { get; init; }

    public MethodInfo? FactoryMethod { get; init; }

    /// <summary>Gets what <see cref="FactoryMethod"/> is, for a <see cref="ComponentKind.Factory"/> definition: a [Bean] method or a provider's Get.</summary>
    public FactoryKind Factory { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public string Namespace { get; init; } = "default";

    /// <summary>Gets the type whose attributes declared the component (the class, the configuration class of a bean, the provider).</summary>
    public Type Source { get; init; } = typeof(object);

    /// <summary>Gets the conditions that decide at refresh whether the component is in (a bean's class conditions first).</summary>
    public IReadOnlyList<ConditionAttribute> Conditions { get; init; } = [];

    /// <summary>Gets whether the definition is internal plumbing that users do not name (a provider's own instance).</summary>
    public bool IsInfrastructure { get; init; }

    /// <summary>Gets every type the component answers for: its type, its base classes and its interfaces.</summary>
    public IReadOnlyList<Type> ServiceTypes
    {
        get => _serviceTypes ??= IsShared ? ServiceTypesOf(Type) : ServiceTypesCache.GetValue(Type, ServiceTypesOf);
        init => _serviceTypes = value;
    }

    /// <summary>
    /// Gets whether the definition is read once per process and shared by every registry (DefinitionReader's cache): it keeps
    /// its service types itself, without an entry in the process-wide table (10,000 entries tipped a refresh into a full collection).
    /// </summary>
    public bool IsShared { get; init; }

    /// <summary>
    /// Gets whether the definition came from a <c>ServiceDescriptor</c>: it then follows Microsoft.Extensions.DependencyInjection's
    /// rules (it answers only for its service type, the last registration wins, singletons are created on first use, the longest
    /// satisfiable constructor is chosen, scoped services resolved from the root live in a root scope).
    /// </summary>
    public bool FromDescriptor { get; init; }

    /// <summary>
    /// Gets whether the definition is the host builder's own <c>IConfiguration</c> service, given to a context made over another
    /// configuration (<see cref="SprigServiceProviderFactory.HostConfiguration"/>): it serves the host's services, while components
    /// injecting <c>IConfiguration</c> get the context's, which their conditions and [Value]s read.
    /// </summary>
    public bool IsHostConfiguration { get; init; }

    /// <summary>
    /// Gets the contract this definition calls in another process, for the remote proxy a context makes when no local component
    /// implements an injected contract; null for every other definition. Such a component serves no endpoints itself.
    /// </summary>
    public Type? RemoteContract { get; init; }

    /// <summary>Gets the key of a keyed service descriptor, or null.</summary>
    public object? ServiceKey { get; init; }

    /// <summary>Gets the factory of a <see cref="ComponentKind.Delegate"/> definition: (provider, key) => instance.</summary>
    public Func<IServiceProvider, object?, object?>? Delegate { get; init; }

    /// <summary>Gets the position among every registration, for the order of <c>IEnumerable&lt;T&gt;</c> with open generics.</summary>
    public int Order { get; init; }

    public override string ToString() => $"{Name} ({Type.FullName})";

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Service types only match what is asked for: a request or an injection point names the interface in code, which keeps it and its implementation on every class that is created.")]
    private static Type[] ServiceTypesOf(Type type)
    {
        var types = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            types.Add(t);
        }

        // A contract's [Fallback] implements it, but is never a candidate where the contract is injected; nor is an implementation
        // under a service key or with governance declared: the contract's routing proxy stands for it, picks an implementation per
        // call and governs the call.
        types.AddRange(type.GetInterfaces().Where(i => Remoting.ContractInfo.Of(i) is not { } contract || (!contract.RoutesCallsTo(type) && !contract.FallbackTypes.Contains(type))));
        return [.. types];
    }
}
