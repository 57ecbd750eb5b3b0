using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sprig.Definitions;
using Sprig.Remoting;

namespace Sprig.Refresh;

/// <summary>
/// The refresh phase between conditions and planning: finds the contracts that the included components inject (constructor
/// and [Bean] parameters, [Inject] / [InjectByName] / [Lazy] members, also inside Lazy&lt;T&gt;, Func&lt;T&gt; and collections) and,
/// for each one no included component implements, adds a remote proxy definition when a transport can carry it. A contract
/// that no transport carries is left out, so planning reports it as missing, with both fixes.
/// </summary>
internal static class ContractDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Returns the remote proxy definitions to add, and the problems of contracts whose methods cannot be called remotely.</summary>
    public static (List<ComponentDefinition> Remotes, List<ContainerException> Problems) Discover(
        IReadOnlyList<ComponentDefinition> included, IConfiguration configuration, RemoteProxies proxies, RemoteProxies keyedProxies)
    {
        var remotes = new List<ComponentDefinition>();
        var problems = new List<ContainerException>();
        AddKeyedProxies(included, keyedProxies, remotes, problems);
        var transportRegistered = included.Any(d => typeof(IEndpointTransport).IsAssignableFrom(d.ImplementationType ?? d.Type));
        if (!transportRegistered && !HttpBindings(configuration))
        {
            // Nothing could carry a remote call: skip the scan (refresh of a local application pays nothing for contracts), and
            // planning reports an injected contract without an implementation with both fixes.
            return (remotes, problems);
        }

        var implemented = included.SelectMany(d => d.ServiceTypes).ToHashSet();
        var seen = new HashSet<Type>();
        foreach (var definition in included)
        {
            foreach (var type in InjectedTypes(definition))
            {
                if (!seen.Add(type) || implemented.Contains(type) || remotes.Exists(r => r.RemoteContract == type) || ContractInfo.Of(type) is not { } contract
                    || !RemoteEndpoints.MayCarry(configuration, transportRegistered, contract.Namespace, contract.Component))
                {
                    continue;
                }

                var unsupported = RemoteProxies.Problems(contract).ToList();
                if (unsupported.Count > 0)
                {
                    problems.AddRange(unsupported.Select(p => new ContainerException(p, contract.Component, null)));
                    continue;
                }

                remotes.Add(new ComponentDefinition(contract.Component, contract.Type, ComponentKind.Instance, Scope.Singleton)
                {
                    Instance = proxies.Get(contract),
                    Namespace = contract.Namespace,
                    Source = contract.Type,
                    RemoteContract = contract.Type,
                    Order = int.MaxValue,
                });
            }
        }

        return (remotes, problems);
    }

    /// <summary>
    /// Adds one routing proxy per contract that local components implement under service keys (<see cref="ServiceKeyAttribute"/>)
    /// or with governance declared (<see cref="ContractInfo.RoutesCallsTo"/>): it stands for the contract wherever it is injected,
    /// picks the implementation per call (by key or by weight) and calls it under the address's governance.
    /// </summary>
    private static void AddKeyedProxies(IReadOnlyList<ComponentDefinition> included, RemoteProxies keyedProxies, List<ComponentDefinition> remotes, List<ContainerException> problems)
    {
        var seen = new HashSet<Type>();
        foreach (var definition in included)
        {
            // A class definition always has its class.
            if (definition.FromDescriptor || definition.Kind != ComponentKind.Class || definition.ImplementationType is not { } type)
            {
                continue;
            }

            foreach (var contract in ContractInfo.Implemented(type))
            {
                if (!contract.RoutesCallsTo(type) || !seen.Add(contract.Type))
                {
                    continue;
                }

                var unsupported = RemoteProxies.Problems(contract).ToList();
                if (unsupported.Count > 0)
                {
                    problems.AddRange(unsupported.Select(p => new ContainerException(p, contract.Component, null)));
                    continue;
                }

                // Named apart from the implementation, which has the contract's component name when it is not keyed.
                remotes.Add(new ComponentDefinition($"{contract.Component} (proxy)", contract.Type, ComponentKind.Instance, Scope.Singleton)
                {
                    Instance = keyedProxies.Get(contract),
                    Namespace = contract.Namespace,
                    Source = contract.Type,
                    RemoteContract = contract.Type,
                    Order = int.MaxValue,
                });
            }
        }
    }

    /// <summary>Lists the types a definition may be injected with, wrappers (Lazy&lt;T&gt;, Func&lt;T&gt;, collections) unwrapped.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The levels are the annotated class and its base classes: ComponentMembers.Kept keeps inherited fields and properties of every accessibility.")]
    private static IEnumerable<Type> InjectedTypes(ComponentDefinition definition)
    {
        if (definition.FromDescriptor || definition.Kind is ComponentKind.Instance or ComponentKind.Delegate)
        {
            yield break;
        }

        if (definition.FactoryMethod is { } factory)
        {
            foreach (var parameter in factory.GetParameters())
            {
                yield return Unwrap(parameter.ParameterType);
            }

            yield break;
        }

        if (definition.ImplementationType is not { } type)
        {
            yield break; // a class definition always has its class
        }

        foreach (var constructor in type.GetConstructors(Members))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                yield return Unwrap(parameter.ParameterType);
            }
        }

        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (var member in level.GetFields(Members).Concat<MemberInfo>(level.GetProperties(Members)))
            {
                var injected = member.IsDefined(typeof(InjectAttribute)) || member.IsDefined(typeof(InjectByNameAttribute)) || member.IsDefined(typeof(LazyAttribute));
                if (injected && member is PropertyInfo or FieldInfo)
                {
                    yield return Unwrap(member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType);
                }
            }
        }
    }

    /// <summary>Tells whether the configuration binds any component to an HTTP server (<c>Sprig:Remotes:…</c>, or the dotted form).</summary>
    private static bool HttpBindings(IConfiguration configuration) =>
        configuration.GetSection("Sprig:Remotes").Exists()
        || configuration.AsEnumerable().Any(kv => kv.Key.StartsWith("Sprig.Remotes", StringComparison.OrdinalIgnoreCase));

    private static readonly HashSet<Type> Collections =
        [typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(ICollection<>)];

    private static Type Unwrap(Type type) =>
        type.IsArray ? type.GetElementType()!
        : DeferredType.Is(type, out var inner, out _) ? inner
        : type.IsGenericType && Collections.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0]
        : type;
}
