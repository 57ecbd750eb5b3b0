using System.Reflection;
using Sprig.Planning;

namespace Sprig.Resolution;

/// <summary>
/// Calls a lifecycle method ([PostConstruct], [OnStart], [PreDestroy]) of an instance: through the code Sprig.Generator emitted
/// for the instance's class when there is some, else through reflection. Either way the method's own exception reaches the caller unwrapped.
/// </summary>
internal static class MethodCalls
{
    public static object? Invoke(MethodInfo method, object instance, object?[]? arguments = null) =>
        GeneratedCalls.Of(instance.GetType()).Method(method) is { } call
            ? call(instance, arguments ?? [])
            : method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
}
