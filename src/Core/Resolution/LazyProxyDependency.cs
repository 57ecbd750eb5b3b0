using System.Linq.Expressions;
using System.Reflection;
using Sprig.Proxies;

namespace Sprig.Resolution;

/// <summary>A <see cref="LazyAttribute"/> link: a Castle DynamicProxy proxy whose target is resolved on the first call.</summary>
internal sealed class LazyProxyDependency(ComponentEntry target, Type proxyType) : Dependency
{
    private static readonly MethodInfo CreateMethod = typeof(LazyProxyDependency).GetMethod(nameof(Resolve))!;

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [(target, true)];

    public override object? Resolve(RequestScope? scope) => LazyProxies.Create(proxyType, () => target.Resolve(scope));

    public override Expression Build(Expression scope, Type type) =>
        Expression.Convert(Expression.Call(Expression.Constant(this), CreateMethod, scope), type);
}
