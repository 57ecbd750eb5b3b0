using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>
/// A generated [Lazy] proxy class for one interface: it resolves its target on the first call and forwards every member to it,
/// as the Castle DynamicProxy proxy made at run time does, without generating code at run time. For generated code only.
/// </summary>
/// <param name="type">The interface the proxy implements.</param>
/// <param name="create">Makes a proxy whose target is what the function returns (called once, on the first call of a member).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedProxy(Type type, Func<Func<object>, object> create)
{
    /// <summary>Gets the interface.</summary>
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>Gets the factory of proxies.</summary>
    public Func<Func<object>, object> Create { get; } = create ?? throw new ArgumentNullException(nameof(create));
}
