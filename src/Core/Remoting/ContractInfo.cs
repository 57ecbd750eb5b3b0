using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Remoting;

/// <summary>What a <see cref="ComponentContractAttribute"/> interface says: its component's address and its endpoints. Read once per type.</summary>
internal sealed class ContractInfo
{
    /// <summary>Why reading a contract interface's methods (and mapping them onto a class) is safe under trimming.</summary>
    internal const string MethodsKept = "A contract read here is an interface a component class implements (ComponentMembers.Kept keeps the class's interfaces and all its "
        + "methods, and the trimmer keeps every interface method that a kept method implements), or an interface injected without a local implementation, "
        + "which only a Castle proxy serves, behind DynamicCode.IsSupported.";

    private static readonly ConcurrentDictionary<Type, ContractInfo?> Cache = new();

    private ContractInfo(Type type, ComponentContractAttribute attribute)
    {
        Type = type;
        Namespace = attribute.Namespace;
        Component = attribute.Component ?? (type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? type.Name[1..] : type.Name);
        var methods = new List<ContractMethod>();
        foreach (var method in AllMethods(type))
        {
            var endpoint = method.GetCustomAttribute<EndpointAttribute>();
            methods.Add(new ContractMethod(method, endpoint?.Name ?? method.Name, endpoint?.Idempotent ?? false));
        }

        Methods = methods;
        Governed = type.IsDefined(typeof(GovernanceAttribute), inherit: false) || type.IsDefined(typeof(FallbackAttribute), inherit: false)
            || methods.Any(m => m.Method.IsDefined(typeof(GovernanceAttribute), inherit: false) || m.Method.IsDefined(typeof(FallbackAttribute), inherit: false));
        FallbackTypes = [.. new[] { type.GetCustomAttribute<FallbackAttribute>(inherit: false)?.Component }
            .Concat(methods.Select(m => m.Method.GetCustomAttribute<FallbackAttribute>()?.Component))
            .OfType<Type>()
            .Distinct()];
    }

    public Type Type { get; }

    public string Namespace { get; }

    public string Component { get; }

    /// <summary>Gets every method of the contract and of the interfaces it extends.</summary>
    public IReadOnlyList<ContractMethod> Methods { get; }

    /// <summary>Gets whether the contract or one of its methods declares [Governance] or [Fallback].</summary>
    public bool Governed { get; }

    /// <summary>
    /// Tells whether a local implementation is called through the contract's routing proxy rather than injected as itself: it is
    /// served under a service key, or governance is declared on the contract, its methods, the class or the class's methods
    /// (as Spring wraps an advised bean in a proxy). The proxy calls through the catalog, under the address's governance.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A method the trimmer removed is never called, so a [Governance] on it governs no call; "
        + "the methods that can be called are kept, and with them the attributes read here.")]
    public bool RoutesCallsTo(Type implementation) =>
        implementation.IsDefined(typeof(ServiceKeyAttribute), inherit: false)
        || Governed
        || implementation.IsDefined(typeof(GovernanceAttribute), inherit: false)
        || implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(GovernanceAttribute), inherit: false));

    /// <summary>Gets the [Fallback] components of the contract and its methods: they implement it, but never serve it or stand for it.</summary>
    public IReadOnlyList<Type> FallbackTypes { get; }

    /// <summary>Returns what the contract says, or null when <paramref name="type"/> is not a contract interface.</summary>
    public static ContractInfo? Of(Type type) =>
        !type.IsInterface ? null : Cache.GetOrAdd(type, static t =>
            t.GetCustomAttribute<ComponentContractAttribute>(inherit: false) is { } attribute && !t.ContainsGenericParameters ? new ContractInfo(t, attribute) : null);

    /// <summary>Lists the contracts a class implements and serves (not those it is the [Fallback] of).</summary>
    public static IEnumerable<ContractInfo> Implemented([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] Type type)
    {
        foreach (var candidate in type.GetInterfaces())
        {
            if (Of(candidate) is { } contract && !contract.FallbackTypes.Contains(type))
            {
                yield return contract;
            }
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = MethodsKept)]
    private static IEnumerable<MethodInfo> AllMethods(Type type) =>
        type.GetMethods().Concat(type.GetInterfaces().SelectMany(i => i.GetMethods())).Where(m => !m.IsSpecialName && !m.IsStatic);
}
