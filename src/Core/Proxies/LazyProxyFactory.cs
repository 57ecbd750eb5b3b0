using System.Reflection;
using System.Runtime.CompilerServices;
using Sprig.Generated;

namespace Sprig.Proxies;

/// <summary>
/// Makes [Lazy] proxies: Sprig.Generator's proxy class for the interface when the application was compiled with it (the only
/// way under Native AOT), else Castle DynamicProxy's (<see cref="LazyProxies"/>) where code can be generated at run time.
/// </summary>
internal static class LazyProxyFactory
{
    /// <summary>
    /// Tells whether a generated proxy class serves <paramref name="type"/> for a [Lazy] point declared in <paramref name="site"/>:
    /// the generator writes the proxy into the assembly with the point, whose module initializer registers it, and which may
    /// not have run yet (nothing of the assembly has run when its classes were registered by type): it runs here.
    /// </summary>
    public static bool IsGenerated(Type type, Module site)
    {
        RuntimeHelpers.RunModuleConstructor(site.ModuleHandle);
        return GeneratedComponents.ProxyOf(type) is not null;
    }

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
