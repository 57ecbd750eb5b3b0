using System.Reflection;

namespace Sprig.Remoting;

/// <summary>One method of a contract and the endpoint it calls.</summary>
/// <param name="Method">The interface method.</param>
/// <param name="Endpoint">The endpoint name: <see cref="EndpointAttribute.Name"/> on the interface method, or the method name.</param>
/// <param name="Idempotent">Whether <see cref="EndpointAttribute.Idempotent"/> is set on the interface method.</param>
internal sealed record ContractMethod(MethodInfo Method, string Endpoint, bool Idempotent);
