using System.Reflection;
using Castle.DynamicProxy;

namespace Sprig.Proxies;

/// <summary>
/// Resolves a lazy proxy's target on the first call, once and thread-safely, then lets every call go straight to it.
/// </summary>
internal sealed class LazyTargetInterceptor(Func<object> resolve, FieldInfo? classTargetField) : IInterceptor
{
    private readonly Lock _gate = new();
    private object? _target;

    public void Intercept(IInvocation invocation)
    {
        if (invocation.InvocationTarget is { } current && !ReferenceEquals(current, invocation.Proxy))
        {
            invocation.Proceed();
            return;
        }

        var target = Target(invocation.Proxy);
        if (invocation is IChangeProxyTarget change)
        {
            // Interface proxy: point the proxy itself at the target, so later calls carry it.
            ((IProxyTargetAccessor)invocation.Proxy).DynProxySetTarget(target);
            change.ChangeInvocationTarget(target);
            invocation.Proceed();
            return;
        }

        // Class proxy: its target field is set now for later calls; this first call reaches the target by reflection, once.
        invocation.ReturnValue = invocation.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, invocation.Arguments, null);
    }

    private object Target(object proxy)
    {
        var target = Volatile.Read(ref _target);
        if (target is not null)
        {
            return target;
        }

        lock (_gate)
        {
            if (_target is null)
            {
                var resolved = resolve();
                classTargetField?.SetValue(proxy, resolved);
                Volatile.Write(ref _target, resolved);
            }

            return _target!;
        }
    }
}
