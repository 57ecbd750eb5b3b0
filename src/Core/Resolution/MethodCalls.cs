using System.Reflection;

namespace Sprig.Resolution;

/// <summary>
/// Calls a lifecycle method ([PostConstruct], [OnStart], [PreDestroy]) of an instance: through the code Sprig.Generator emitted
/// for it when the plan found some, else through reflection. Either way the method's own exception reaches the caller unwrapped.
/// </summary>
internal static class MethodCalls
{
    public static object? Invoke(MethodInfo method, Func<object?, object?[], object?>? generated, object instance, object?[]? arguments = null) =>
        generated is not null
            ? generated(instance, arguments ?? [])
            : method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
}
