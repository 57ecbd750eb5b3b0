using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Generated;
using Sprig.Refresh;
using Sprig.Remoting;

namespace Sprig.Endpoints;

/// <summary>
/// Finds every [Endpoint] method of every component that is in, checks that it can be served, and compiles its invoker.
/// Every problem (two endpoints at one address, a ref/out/pointer parameter, an open generic method) is recorded, none thrown,
/// so refresh reports them together with all others.
/// </summary>
internal sealed partial class EndpointCollector(ComponentTable table, Problems problems)
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // Not thread-safe, and needed only while refresh collects: one per collector.
    private readonly NullabilityInfoContext _nullability = new();

    public List<CompiledEndpoint> Collect()
    {
        var endpoints = new List<CompiledEndpoint>();
        // Addresses are compared without case: HTTP routes and NATS subjects cannot tell 'get' from 'Get'.
        var byAddress = new Dictionary<string, EndpointDescriptor>(StringComparer.OrdinalIgnoreCase);
        // The keys taken at each address served under service keys, and by which class.
        var keys = new Dictionary<(string Address, string Key), Type>(new KeyComparer());
        foreach (var entry in table.Entries)
        {
            // A second component with a taken name is already a problem of its own; its endpoints would only repeat it.
            if (entry.Definition.IsInfrastructure || entry.Definition.RemoteContract is not null || table.ByName[entry.Name] != entry)
            {
                continue;
            }

            var type = TypeOf(entry.Definition);
            var scan = entry.Definition is { FromDescriptor: false, ImplementationType: { } implementation } ? Planning.TypeScan.Of(implementation) : Planning.TypeScan.OfUnannotated(type);
            var contracts = entry.Definition.FromDescriptor ? [] : scan.Contracts;
            if (contracts.Count == 0 && scan.EndpointMethods.Count == 0)
            {
                continue; // most components serve nothing
            }

            // A keyed implementation serves its contracts' addresses, whatever its own name.
            var key = entry.Definition.FromDescriptor ? null : scan.ServiceKey;
            if (key is null && !MatchesContracts(entry, contracts))
            {
                continue;
            }

            foreach (var (method, attribute) in Methods(type, scan, contracts))
            {
                var contract = key is null ? null : contracts.FirstOrDefault(c => c.Methods.Any(m => Implementation(type, m.Method) == method && m.Endpoint == attribute.Name));
                var item = StreamItemType(type, method);
                var descriptor = new EndpointDescriptor(
                    contract?.Namespace ?? entry.Definition.Namespace, contract?.Component ?? entry.Name, attribute.Name ?? method.Name, item is not null, method)
                {
                    Parameters = [.. method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))],
                    ResultType = method.ContainsGenericParameters ? null : item ?? EndpointInvokerCompiler.ResultType(method.ReturnType),
                    Idempotent = attribute.Idempotent,
                    ServiceKey = contract is null ? null : key!.Name,
                    Weight = contract is null ? 1 : key!.Weight,
                    Contracts = DynamicCode.IsSupported ? null : scan.Generated.Generated(method)?.Contracts ?? [],
                };
                if (!CanServe(type, entry, descriptor))
                {
                    continue;
                }

                if (byAddress.TryGetValue(descriptor.Address, out var first) && first.ServiceKey is { } firstKey && descriptor.ServiceKey is { } otherKey
                    && string.Equals(first.Address, descriptor.Address, StringComparison.Ordinal))
                {
                    keys.TryAdd((first.Address, firstKey), first.Method.ReflectedType ?? first.Method.DeclaringType!);
                    if (keys.TryGetValue((descriptor.Address, otherKey), out var taken))
                    {
                        problems.Add(new ContainerException(Errors.ServiceKeyDuplicate(descriptor.Address, otherKey, taken, type), entry.Name, null));
                    }
                    else
                    {
                        keys.Add((descriptor.Address, otherKey), type);
                        endpoints.Add(Invoker(type, entry, descriptor));
                    }

                    continue;
                }

                if (first is not null)
                {
                    problems.Add(new ContainerException(
                        string.Equals(first.Address, descriptor.Address, StringComparison.Ordinal)
                            ? Errors.DuplicateEndpoint(descriptor.Address, first.Method, method)
                            : Errors.EndpointAddressesDifferInCase(first.Address, first.Method, descriptor.Address, method),
                        entry.Name,
                        null));
                    continue;
                }

                byAddress.Add(descriptor.Address, descriptor);
                endpoints.Add(Invoker(type, entry, descriptor));
            }
        }

        return endpoints;
    }

    /// <summary>Lists the contracts a component's type implements (or is, for a [Bean] that returns a contract).</summary>


    /// <summary>Records a problem for each contract whose address is not the component's: its callers would call an address nobody serves.</summary>
    private bool MatchesContracts(ComponentEntry entry, IReadOnlyList<ContractInfo> contracts)
    {
        var matches = true;
        foreach (var contract in contracts)
        {
            if (!string.Equals(contract.Namespace, entry.Definition.Namespace, StringComparison.Ordinal) || !string.Equals(contract.Component, entry.Name, StringComparison.Ordinal))
            {
                problems.Add(new ContainerException(
                    Errors.ContractAddressMismatch(entry.Name, entry.Definition.Namespace, contract.Type, contract.Namespace, contract.Component), entry.Name, null));
                matches = false;
            }
        }

        return matches;
    }

    /// <summary>
    /// Lists the endpoint methods of a class: its [Endpoint] methods and those of its base classes, base first (an override
    /// replaces what it overrides), then the methods implementing its contracts, named as the contract names them.
    /// </summary>
    private static List<(MethodInfo Method, EndpointAttribute Attribute)> Methods(Type type, Planning.TypeScan scan, IReadOnlyList<ContractInfo> contracts)
    {
        var result = new List<(MethodInfo Method, EndpointAttribute Attribute)>(scan.EndpointMethods);
        foreach (var contract in contracts)
        {
            foreach (var declared in contract.Methods)
            {
                var target = Implementation(type, declared.Method);
                var own = result.FindIndex(m => m.Method == target);
                var attribute = new EndpointAttribute(declared.Endpoint) { Idempotent = declared.Idempotent || (own >= 0 && result[own].Attribute.Idempotent) };
                if (own >= 0)
                {
                    result[own] = (target, attribute);
                }
                else if (!result.Exists(m => m.Method == target && m.Attribute.Name == declared.Endpoint))
                {
                    result.Add((target, attribute));
                }
            }
        }

        return result;
    }

    /// <summary>Returns the method of <paramref name="type"/> that implements an interface method (the interface method itself for an interface type).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = ContractInfo.MethodsKept)]
    private static MethodInfo Implementation(Type type, MethodInfo interfaceMethod)
    {
        if (type.IsInterface)
        {
            return interfaceMethod;
        }

        var map = type.GetInterfaceMap(interfaceMethod.DeclaringType!);
        return map.TargetMethods[Array.IndexOf(map.InterfaceMethods, interfaceMethod)];
    }

    /// <summary>Lists the [Endpoint] methods of a class and its base classes, base first; an override replaces what it overrides.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The levels are the annotated type and its base classes: ComponentMembers.Kept keeps inherited methods of every accessibility.")]
    internal static (MethodInfo Method, EndpointAttribute Attribute)[] AttributedMethods([DynamicallyAccessedMembers(Definitions.ComponentMembers.Kept)] Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var result = new List<(MethodInfo Method, EndpointAttribute Attribute)>();
        foreach (var level in chain)
        {
            foreach (var method in level.GetMethods(Declared))
            {
                // IsDefined reads the metadata without creating attribute objects; most methods are not endpoints.
                if (!method.IsDefined(typeof(EndpointAttribute), inherit: true) || method.GetCustomAttribute<EndpointAttribute>(inherit: true) is not { } attribute)
                {
                    continue;
                }

                var overridden = result.FindIndex(m => !method.IsStatic && m.Method.GetBaseDefinition() == method.GetBaseDefinition());
                if (overridden >= 0)
                {
                    result[overridden] = (method, attribute);
                }
                else
                {
                    result.Add((method, attribute));
                }
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Returns T when the method of <paramref name="type"/> streams: it returns IAsyncEnumerable&lt;T&gt;, or a class implementing it.
    /// Without dynamic code the class's T is the one Sprig.Generator found among its interfaces (finding it here would reflect
    /// over interfaces the trimmer may have removed).
    /// </summary>
    private static Type? StreamItemType(Type type, MethodInfo method) =>
        EndpointInvokerCompiler.StreamItemType(method.ReturnType) ?? (DynamicCode.IsSupported ? null : GeneratedEndpoint.StreamItemType(type, method));

    private static Type TypeOf(ComponentDefinition definition) => definition.Kind switch
    {
        ComponentKind.Instance => definition.Instance?.GetType() ?? definition.Type,
        ComponentKind.Class => definition.ImplementationType ?? definition.Type,
        _ => definition.Type,
    };

    /// <summary>
    /// Returns the endpoint's invoker: compiled from an expression tree where the reflection fallback may run, else built on the
    /// call Sprig.Generator generated for the method of <paramref name="type"/>.
    /// </summary>
    private CompiledEndpoint Invoker(Type type, ComponentEntry entry, EndpointDescriptor descriptor)
    {
        var owner = descriptor.Method.IsStatic ? null : entry;
        return DynamicCode.IsSupported ? EndpointInvokerCompiler.Compile(owner, descriptor, Defaults, table.Lifetime.Context.Json) : GeneratedEndpoint.Create(type, owner, descriptor, Defaults, table.Lifetime.Context.Json);
    }

    /// <summary>Records a problem for each reason the method cannot be called with JSON arguments.</summary>
    private bool CanServe(Type type, ComponentEntry entry, EndpointDescriptor descriptor)
    {
        var method = descriptor.Method;
        var before = problems.Count;
        if (!DynamicCode.IsSupported && !method.ContainsGenericParameters && GeneratedEndpoint.WhyNot(type, method) is { } why)
        {
            problems.Add(new ContainerException(Errors.EndpointNotGenerated(descriptor.Address, method, why), entry.Name, null));
        }

        if (method.ContainsGenericParameters)
        {
            problems.Add(new ContainerException(Errors.EndpointOpenGeneric(descriptor.Address, method), entry.Name, null));
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer || parameter.ParameterType.IsFunctionPointer || parameter.ParameterType.IsByRefLike)
            {
                problems.Add(new ContainerException(Errors.EndpointParameterUnsupported(descriptor.Address, method, parameter), entry.Name, null));
            }
        }

        var returns = method.ReturnType;
        if (returns.IsByRef || returns.IsPointer || returns.IsFunctionPointer || returns.IsByRefLike)
        {
            problems.Add(new ContainerException(Errors.EndpointReturnUnsupported(descriptor.Address, method), entry.Name, null));
        }

        return problems.Count == before;
    }

    /// <summary>
    /// Tells whether a parameter may be left out of the arguments, and what it then receives: its default value, or null when
    /// it is nullable (int?, string?), as ASP.NET Core's minimal APIs do.
    /// </summary>
    private (bool Optional, object? Fallback) Defaults(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.HasDefaultValue)
        {
            var value = parameter.DefaultValue;
            var enumType = Nullable.GetUnderlyingType(type) ?? type;
            return (true, value is not null && enumType.IsEnum && value.GetType() != enumType ? Enum.ToObject(enumType, value) : value);
        }

        if (parameter.IsOptional || Nullable.GetUnderlyingType(type) is not null)
        {
            return (true, null);
        }

        return (!type.IsValueType && _nullability.Create(parameter).WriteState == NullabilityState.Nullable, null);
    }

    /// <summary>Compares (address, service key) pairs: addresses exactly, keys ignoring case.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Address, string Key)>
    {
        public bool Equals((string Address, string Key) x, (string Address, string Key) y) =>
            string.Equals(x.Address, y.Address, StringComparison.Ordinal) && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Address, string Key) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Address), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key));
    }
}
