using System.ComponentModel;
using Sprig.Remoting;

namespace Sprig.Generated;

/// <summary>
/// What a generated remote proxy calls through: one contract of one context, reached through the context's transports with
/// the context's governance. A proxy asks it for each of its methods once (<see cref="Method"/>). For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RemoteTarget
{
    private readonly ContractInfo _contract;
    private readonly IContractCalls _calls;
    private readonly Endpoints.JsonMetadata _json;

    internal RemoteTarget(ContractInfo contract, IContractCalls calls, Endpoints.JsonMetadata json)
    {
        _contract = contract;
        _calls = calls;
        _json = json;
    }

    /// <summary>Returns the call of the contract method named <paramref name="name"/> with these parameter types (a CancellationToken included).</summary>
    /// <param name="name">The method's name.</param>
    /// <param name="parameterTypes">The types of its parameters, in order.</param>
    /// <returns>The method's call.</returns>
    /// <exception cref="InvalidOperationException">The contract has no such method: the generated code does not match the contract.</exception>
    public RemoteMethodCall Method(string name, Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        foreach (var method in _contract.Methods)
        {
            if (method.Method.Name == name && method.Method.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameterTypes))
            {
                return new RemoteMethodCall(_contract, method, _calls, _json);
            }
        }

        throw new InvalidOperationException(Diagnostics.Errors.GeneratedRemoteMethodMissing(_contract.Type, name));
    }
}
