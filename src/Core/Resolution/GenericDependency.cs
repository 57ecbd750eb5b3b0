using System.Reflection;

namespace Sprig.Resolution;

/// <summary>
/// A dependency whose value is made by a generic helper closed over the element type once, at refresh:
/// collections (<c>IEnumerable&lt;T&gt;</c>), <c>Lazy&lt;T&gt;</c> and <c>Func&lt;T&gt;</c>. No reflection per call.
/// </summary>
internal sealed class GenericDependency : Dependency
{
    private readonly bool _lazy;

    private GenericDependency(string helper, Type elementType, ComponentEntry[] targets, bool lazy)
    {
        Method = typeof(GenericDependency).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(elementType);
        Make = Method.CreateDelegate<Func<ComponentEntry[], RequestScope?, object>>();
        Targets = targets;
        _lazy = lazy;
    }

    /// <summary>Gets the helper closed over the element type: <c>(targets, scope) =&gt; value</c>.</summary>
    public MethodInfo Method { get; }

    /// <summary>Gets <see cref="Method"/> as a delegate, for the interpreter.</summary>
    public Func<ComponentEntry[], RequestScope?, object> Make { get; }

    /// <summary>Gets the components the value is made of, in order.</summary>
    public ComponentEntry[] Targets { get; }

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => Targets.Select(t => (t, _lazy));

    public static GenericDependency All(Type elementType, ComponentEntry[] targets) => new(nameof(MakeAll), elementType, targets, lazy: false);

    public static GenericDependency Lazy(Type elementType, ComponentEntry target) => new(nameof(MakeLazy), elementType, [target], lazy: true);

    public static GenericDependency Func(Type elementType, ComponentEntry target) => new(nameof(MakeFunc), elementType, [target], lazy: true);

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
