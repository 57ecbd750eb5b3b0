using System.Collections.Frozen;
using System.Reflection;
using Castle.DynamicProxy;

namespace Sprig.Remoting;

/// <summary>Answers every call of a remote contract proxy by calling the contract's endpoint through the context's transports.</summary>
internal sealed class RemoteContractInterceptor(FrozenDictionary<MethodInfo, RemoteMethod> methods, IContractCalls remote) : IInterceptor
{
    public void Intercept(IInvocation invocation) =>
        invocation.ReturnValue = methods[invocation.Method].Invoke(remote, invocation.Arguments);
}
