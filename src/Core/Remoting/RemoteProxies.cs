using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Sprig.Proxies;

namespace Sprig.Remoting;

/// <summary>A context's remote contract proxies: one Castle interface proxy per contract, made on first use.</summary>
internal sealed class RemoteProxies(IContractCalls remote, Governance.Governor governor, Endpoints.JsonMetadata json)
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _proxies = new();

    /// <summary>Returns the context's proxy of a contract.</summary>
    /// <exception cref="ContainerException">A method of the contract cannot be called remotely.</exception>
    public object Get(ContractInfo contract) =>
        _proxies.GetOrAdd(contract.Type, _ => new Lazy<object>(() => Create(contract))).Value;

    /// <summary>Lists why each method of a contract cannot be called remotely, for refresh to report.</summary>
    public static IEnumerable<string> Problems(ContractInfo contract)
    {
        foreach (var method in contract.Methods)
        {
            if (WhyNotCallable(method.Method) is { } why)
            {
                yield return Diagnostics.Errors.ContractMethodUnsupported(contract.Type, method.Method, why);
            }
        }
    }

    /// <summary>Says why a contract method cannot be called through a remote proxy, or returns null when it can.</summary>
    public static string? WhyNotCallable(MethodInfo method)
    {
        var returns = method.ReturnType;
        if (!(returns == typeof(Task) || returns == typeof(ValueTask) || IsGeneric(returns, typeof(Task<>)) || IsGeneric(returns, typeof(ValueTask<>)) || IsGeneric(returns, typeof(IAsyncEnumerable<>))))
        {
            return $"returns {Diagnostics.Errors.TypeName(returns)}, and a call to another process cannot block the caller until it answers.";
        }

        if (method.ContainsGenericParameters)
        {
            return "is generic, and JSON arguments cannot say what its type parameters are.";
        }

        return method.GetParameters().FirstOrDefault(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer || p.ParameterType.IsByRefLike) is { } bad
            ? $"takes parameter '{bad.Name}' by reference or as a pointer, which cannot be sent as JSON."
            : null;
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private object Create(ContractInfo contract)
    {
        // A generated proxy class (Sprig.Generator, for every [ComponentContract] interface it can implement) needs no Castle.
        if (Generated.GeneratedComponents.RemoteProxyOf(contract.Type) is { } generated)
        {
            governor.Learn(contract);
            return generated.Create(new Generated.RemoteTarget(contract, remote, json));
        }

        if (!Generated.DynamicCode.IsSupported)
        {
            return Diagnostics.ThrowHelper.DynamicCodeUnavailable<object>($"make the remote proxy of {Diagnostics.Errors.TypeName(contract.Type)}", Diagnostics.Errors.RemoteProxyAdvice);
        }

        return CreateProxy(contract);
    }

    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Generated.DynamicCode.Message)]
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    private object CreateProxy(ContractInfo contract)
    {
        governor.Learn(contract);
        var methods = contract.Methods.ToFrozenDictionary(m => m.Method, m => RemoteMethod.Create(contract, m, json));
        return LazyProxies.Generator.CreateInterfaceProxyWithoutTarget(contract.Type, new RemoteContractInterceptor(methods, remote));
    }
}
