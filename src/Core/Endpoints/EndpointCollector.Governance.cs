using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Diagnostics;
using Sprig.Governance;
using Sprig.Refresh;
using Sprig.Remoting;

namespace Sprig.Endpoints;

internal sealed partial class EndpointCollector
{
    /// <summary>
    /// Reads the governance the code declares for every local endpoint and for every contract a remote proxy calls, and
    /// compiles each [Fallback] method; a fallback that is no component, or lacks the method, is a problem of refresh.
    /// </summary>
    public FrozenDictionary<string, EndpointGovernance> Governance(IReadOnlyList<CompiledEndpoint> endpoints)
    {
        var result = new Dictionary<string, EndpointGovernance>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints)
        {
            var descriptor = endpoint.Descriptor;
            var contractMethod = ContractMethodOf(endpoint.Entry, descriptor.Method);
            Add(result, descriptor.Address, EndpointGovernance.Read(descriptor.Method, contractMethod, descriptor.Idempotent), contractMethod ?? descriptor.Method);
        }

        foreach (var entry in table.Entries)
        {
            if (entry.Definition.RemoteContract is not { } type || ContractInfo.Of(type) is not { } contract)
            {
                continue;
            }

            foreach (var method in contract.Methods)
            {
                var address = $"{contract.Namespace}/{contract.Component}/{method.Endpoint}";
                Add(result, address, EndpointGovernance.Read(method.Method, null, method.Idempotent), method.Method);
            }
        }

        return result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private void Add(Dictionary<string, EndpointGovernance> result, string address, EndpointGovernance governance, MethodInfo shape)
    {
        if (ReferenceEquals(governance, EndpointGovernance.None) || result.ContainsKey(address))
        {
            return;
        }

        if (governance.FallbackType is { } type)
        {
            governance.Fallback = CompileFallback(address, type, shape);
        }

        result[address] = governance;
    }

    /// <summary>
    /// Compiles a fallback after refresh, for a contract first met when a caller asked for its proxy (<c>Get&lt;IContract&gt;()</c>);
    /// throws what refresh would have reported.
    /// </summary>
    /// <exception cref="ContainerException">The fallback is no component, or lacks the method.</exception>
    public static CompiledEndpoint? CompileFallbackNow(ComponentTable table, string address, Type type, MethodInfo shape)
    {
        var problems = new Problems();
        var fallback = new EndpointCollector(table, problems).CompileFallback(address, type, shape);
        return problems.Count == 0 ? fallback : throw problems.Render(_ => [])[0];
    }

    /// <summary>Compiles the fallback method that answers for <paramref name="shape"/>: same name, same parameters, same result.</summary>
    private CompiledEndpoint? CompileFallback(string address, Type type, MethodInfo shape)
    {
        var entry = table.Entries.FirstOrDefault(e => !e.Definition.IsInfrastructure && e.Definition.RemoteContract is null && TypeOf(e.Definition) == type);
        if (entry is null)
        {
            problems.Add(new ContainerException(Errors.FallbackNotRegistered(address, type), type.Name, null));
            return null;
        }

        var wanted = Bound(shape);
        var streamed = EndpointInvokerCompiler.StreamItemType(shape.ReturnType);
        var result = streamed ?? EndpointInvokerCompiler.ResultType(shape.ReturnType);
        var method = PublicMethods(entry.Definition, type).FirstOrDefault(m =>
            m.Name == shape.Name && !m.ContainsGenericParameters && Bound(m).SequenceEqual(wanted)
            && StreamItemType(type, m) is var item && (item is not null) == (streamed is not null) && (item ?? EndpointInvokerCompiler.ResultType(m.ReturnType)) == result);
        if (method is null)
        {
            problems.Add(new ContainerException(Errors.FallbackMethodMissing(address, type, shape), entry.Name, null));
            return null;
        }

        var (ns, component, name) = RemoteEndpoints.Parse(address)!.Value;
        var descriptor = new EndpointDescriptor(ns, component, name, streamed is not null, method)
        {
            Parameters = [.. method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))],
            ResultType = result,
        };
        return Invoker(type, entry, descriptor);
    }

    /// <summary>
    /// Lists the public methods of a fallback component's class: the class a class definition constructs keeps them for Sprig;
    /// another component's class (an instance's, a [Bean]'s product) is read only by the reflection fallback.
    /// </summary>
    private static MethodInfo[] PublicMethods(Definitions.ComponentDefinition definition, Type type)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        if (definition.ImplementationType is { } implementation && implementation == type)
        {
            return implementation.GetMethods(Public);
        }

        return Generated.DynamicCode.IsSupported ? AnyPublicMethods(type) : [];

        [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
        static MethodInfo[] AnyPublicMethods(Type type) => type.GetMethods(Public);
    }

    private static Type[] Bound(MethodInfo method) =>
        [.. method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => p.ParameterType)];

    /// <summary>Returns the contract interface method a component's endpoint method implements, or null.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = ContractInfo.MethodsKept)]
    private static MethodInfo? ContractMethodOf(ComponentEntry? entry, MethodInfo method)
    {
        if (entry is null || method.DeclaringType is not { IsInterface: false })
        {
            return null;
        }

        foreach (var contract in ContractInfo.Implemented(TypeOf(entry.Definition)))
        {
            var map = TypeOf(entry.Definition).GetInterfaceMap(contract.Type);
            var index = Array.IndexOf(map.TargetMethods, method);
            if (index >= 0)
            {
                return map.InterfaceMethods[index];
            }
        }

        return null;
    }
}
