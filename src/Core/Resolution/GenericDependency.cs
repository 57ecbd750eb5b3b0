using System.Linq.Expressions;
using System.Reflection;

namespace Sprig.Resolution;

/// <summary>
/// A dependency whose value is made by a generic helper closed over the element type once, at refresh:
/// collections (<c>IEnumerable&lt;T&gt;</c>), <c>Lazy&lt;T&gt;</c> and <c>Func&lt;T&gt;</c>. No reflection per call.
/// </summary>
internal sealed class GenericDependency : Dependency
{
    private readonly Func<ComponentEntry[], RequestScope?, object> _make;
    private readonly MethodInfo _method;
    private readonly ComponentEntry[] _targets;
    private readonly bool _lazy;

    private GenericDependency(string helper, Type elementType, ComponentEntry[] targets, bool lazy)
    {
        _method = typeof(GenericDependency).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(elementType);
        _make = _method.CreateDelegate<Func<ComponentEntry[], RequestScope?, object>>();
        _targets = targets;
        _lazy = lazy;
    }

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => _targets.Select(t => (t, _lazy));

    public static GenericDependency All(Type elementType, ComponentEntry[] targets) => new(nameof(MakeAll), elementType, targets, lazy: false);

    public static GenericDependency Lazy(Type elementType, ComponentEntry target) => new(nameof(MakeLazy), elementType, [target], lazy: true);

    public static GenericDependency Func(Type elementType, ComponentEntry target) => new(nameof(MakeFunc), elementType, [target], lazy: true);

    public override object? Resolve(RequestScope? scope) => _make(_targets, scope);

    public override Expression Build(Expression scope, Type type) =>
        Expression.Convert(Expression.Call(_method, Expression.Constant(_targets), scope), type);

#pragma warning disable CA1859 // Each helper is bound to one delegate type, Func<ComponentEntry[], RequestScope?, object>.
    private static object MakeAll<T>(ComponentEntry[] targets, RequestScope? scope)
    {
        var items = new T[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            items[i] = (T)targets[i].Resolve(scope);
        }

        return items;
    }

    private static object MakeLazy<T>(ComponentEntry[] targets, RequestScope? scope) =>
        new Lazy<T>(() => (T)targets[0].Resolve(scope), LazyThreadSafetyMode.ExecutionAndPublication);

    private static object MakeFunc<T>(ComponentEntry[] targets, RequestScope? scope) =>
        new Func<T>(() => (T)targets[0].Resolve(scope));
#pragma warning restore CA1859
}
