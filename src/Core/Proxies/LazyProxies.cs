using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Castle.DynamicProxy;
using Sprig.Diagnostics;

namespace Sprig.Proxies;

/// <summary>Creates <see cref="LazyAttribute"/> proxies with one shared Castle <see cref="ProxyGenerator"/> (its type cache lives in it).</summary>
internal static class LazyProxies
{
    private static readonly ProxyGenerator Generator = new();
    private static readonly ConcurrentDictionary<Type, (Type ProxyType, FieldInfo Interceptors, FieldInfo Target)> ClassProxies = new();

    /// <summary>Says why <paramref name="type"/> cannot be proxied, or returns null when it can.</summary>
    public static string? WhyNotProxyable(Type type)
    {
        var kind = type.IsInterface ? "interface" : "class";
        if (!ProxyUtil.IsAccessible(type))
        {
            return $"{kind} {Errors.TypeName(type)} is not public (Castle DynamicProxy proxies public types, "
                + "or internal ones whose assembly has [assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")])";
        }

        if (type.IsInterface)
        {
            return null;
        }

        if (type.IsSealed || type.IsValueType)
        {
            return $"class {Errors.TypeName(type)} is sealed";
        }

        var notVirtual = type.GetMethods(BindingFlags.Instance | BindingFlags.Public)
            .Where(m => m.DeclaringType != typeof(object) && (!m.IsVirtual || m.IsFinal))
            .Select(m => m.Name)
            .Distinct()
            .ToList();
        return notVirtual.Count == 0 ? null : $"class {Errors.TypeName(type)} has public members that are not virtual ({string.Join(", ", notVirtual)})";
    }

    public static object Create(Type type, Func<object> resolve)
    {
        if (type.IsInterface)
        {
            return Generator.CreateInterfaceProxyWithTargetInterface(type, (object)null!, [new LazyTargetInterceptor(resolve, null)]);
        }

        // A class proxy is made without running the class's constructor (the real instance runs it), like Spring's objenesis proxies.
        var (proxyType, interceptors, target) = ClassProxies.GetOrAdd(type, static t =>
        {
            var generated = Generator.ProxyBuilder.CreateClassProxyTypeWithTarget(t, Type.EmptyTypes, ProxyGenerationOptions.Default);
            const BindingFlags Fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            return (generated, generated.GetField("__interceptors", Fields)!, generated.GetField("__target", Fields)!);
        });
        var proxy = RuntimeHelpers.GetUninitializedObject(proxyType);
        interceptors.SetValue(proxy, new IInterceptor[] { new LazyTargetInterceptor(resolve, target) });
        return proxy;
    }
}
