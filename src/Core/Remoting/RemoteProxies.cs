using System.Collections.Concurrent;
using System.Collections.Frozen;
using Sprig.Proxies;

namespace Sprig.Remoting;

/// <summary>A context's remote contract proxies: one Castle interface proxy per contract, made on first use.</summary>
internal sealed class RemoteProxies(IContractCalls remote, Governance.Governor governor)
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
            if (RemoteMethod.WhyNotCallable(method.Method) is { } why)
            {
                yield return Diagnostics.Errors.ContractMethodUnsupported(contract.Type, method.Method, why);
            }
        }
    }

    private object Create(ContractInfo contract)
    {
        if (!Generated.DynamicCode.IsSupported)
        {
            return Diagnostics.ThrowHelper.DynamicCodeUnavailable<object>($"make the remote proxy of {Diagnostics.Errors.TypeName(contract.Type)}");
        }

        governor.Learn(contract);
        var methods = contract.Methods.ToFrozenDictionary(m => m.Method, m => RemoteMethod.Create(contract, m));
        return LazyProxies.Generator.CreateInterfaceProxyWithoutTarget(contract.Type, new RemoteContractInterceptor(methods, remote));
    }
}
