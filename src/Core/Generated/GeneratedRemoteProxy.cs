using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>
/// A generated remote proxy class for one <see cref="ComponentContractAttribute"/> interface: each method sends its arguments
/// to the contract's endpoint through the context's transports, as the Castle DynamicProxy proxy made at run time does,
/// without generating code at run time (Native AOT). For generated code only.
/// </summary>
/// <param name="type">The contract interface the proxy implements.</param>
/// <param name="create">Makes a proxy that calls through the given target.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedRemoteProxy(Type type, Func<RemoteTarget, object> create)
{
    /// <summary>Gets the contract interface.</summary>
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>Gets the factory of proxies.</summary>
    public Func<RemoteTarget, object> Create { get; } = create ?? throw new ArgumentNullException(nameof(create));
}
