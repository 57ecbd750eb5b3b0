using Sprig.Generated;

namespace Sprig.Proxies;

/// <summary>
/// Makes [Lazy] proxies: Sprig.Generator's proxy class for the interface when the application was compiled with it (the only
/// way under Native AOT), else Castle DynamicProxy's (<see cref="LazyProxies"/>) where code can be generated at run time.
/// </summary>
internal static class LazyProxyFactory
{
    /// <summary>Tells whether a generated proxy class serves <paramref name="type"/>.</summary>
    public static bool IsGenerated(Type type) => GeneratedComponents.ProxyOf(type) is not null;

    /// <summary>Makes a proxy of <paramref name="type"/> whose target is what <paramref name="resolve"/> returns, on the first call.</summary>
    public static object Create(Type type, Func<object> resolve)
    {
        if (GeneratedComponents.ProxyOf(type) is { } generated)
        {
            return generated.Create(resolve);
        }

        return DynamicCode.IsSupported
            ? LazyProxies.Create(type, resolve)
            : Diagnostics.ThrowHelper.DynamicCodeUnavailable<object>($"make the [Lazy] proxy of {Diagnostics.Errors.TypeName(type)}");
    }
}
