namespace Sprig.Resolution;

/// <summary>A <see cref="LazyAttribute"/> link: a Castle DynamicProxy proxy of <see cref="ProxyType"/> whose target is resolved on the first call.</summary>
internal sealed class LazyProxyDependency(ComponentEntry target, Type proxyType) : Dependency
{
    public ComponentEntry Target { get; } = target;

    public Type ProxyType { get; } = proxyType;

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [(Target, true)];
}
