using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Resolution;

/// <summary>
/// A dependency whose value is made by a generic helper closed over the element type once, at refresh:
/// collections (<c>IEnumerable&lt;T&gt;</c>), <c>Lazy&lt;T&gt;</c> and <c>Func&lt;T&gt;</c>. No reflection per call.
/// </summary>
internal sealed class GenericDependency : Dependency
{
    private readonly bool _lazy;

    [RequiresDynamicCode(Generated.DynamicCode.Message)]
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    private GenericDependency(string helper, Type elementType, ComponentEntry[] targets, bool lazy)
    {
        Method = typeof(GenericDependency).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(elementType);
        Make = Method.CreateDelegate<Func<ComponentEntry[], RequestScope?, object>>();
        Targets = targets;
        _lazy = lazy;
    }

    // Without dynamic code: an array of a reference type, made by Array.CreateInstance (Native AOT shares one array type's code
    // among all reference types, MS.DI's rule for IEnumerable<T>); only the interpreter runs there, so no Method.
    private GenericDependency(Type elementType, ComponentEntry[] targets)
    {
        Make = (items, scope) => MakeArray(elementType, items, scope);
        Targets = targets;
    }

    /// <summary>Gets the helper closed over the element type: <c>(targets, scope) =&gt; value</c>; null without dynamic code (the interpreter calls <see cref="Make"/>).</summary>
    public MethodInfo? Method { get; }

    /// <summary>Gets <see cref="Method"/> as a delegate, for the interpreter.</summary>
    public Func<ComponentEntry[], RequestScope?, object> Make { get; }

    /// <summary>Gets the components the value is made of, in order.</summary>
    public ComponentEntry[] Targets { get; }

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => Targets.Select(t => (t, _lazy));

    public static GenericDependency All(Type elementType, ComponentEntry[] targets) => Close(nameof(MakeAll), elementType, targets, lazy: false, "an array");

    public static GenericDependency Lazy(Type elementType, ComponentEntry target) => Close(nameof(MakeLazy), elementType, [target], lazy: true, "a Lazy<T>");

    public static GenericDependency Func(Type elementType, ComponentEntry target) => Close(nameof(MakeFunc), elementType, [target], lazy: true, "a Func<T>");

    private static GenericDependency Close(string helper, Type elementType, ComponentEntry[] targets, bool lazy, string what)
    {
        if (Generated.DynamicCode.IsSupported)
        {
            return new(helper, elementType, targets, lazy);
        }

        return helper == nameof(MakeAll) && !elementType.IsValueType
            ? new(elementType, targets)
            : throw new ContainerException(Diagnostics.Errors.GenericNeedsDynamicCode(what, elementType));
    }

    [UnconditionalSuppressMessage("AotAnalysis", "IL3050:RequiresDynamicCode",
        Justification = "Reference element types only (Close checks): Native AOT shares the code of arrays of reference types, as MS.DI's IEnumerable<T> relies on.")]
    private static Array MakeArray(Type elementType, ComponentEntry[] targets, RequestScope? scope)
    {
        var items = Array.CreateInstance(elementType, targets.Length);
        for (var i = 0; i < targets.Length; i++)
        {
            items.SetValue(targets[i].Resolve(scope), i);
        }

        return items;
    }

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

    private static object MakeLazy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(ComponentEntry[] targets, RequestScope? scope) =>
        new Lazy<T>(() => (T)targets[0].Resolve(scope), LazyThreadSafetyMode.ExecutionAndPublication);

    private static object MakeFunc<T>(ComponentEntry[] targets, RequestScope? scope) =>
        new Func<T>(() => (T)targets[0].Resolve(scope));
#pragma warning restore CA1859
}
