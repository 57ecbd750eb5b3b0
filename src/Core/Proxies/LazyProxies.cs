using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Castle.DynamicProxy;
using Sprig.Diagnostics;

namespace Sprig.Proxies;

/// <summary>Creates <see cref="LazyAttribute"/> proxies with one shared Castle <see cref="ProxyGenerator"/> (its type cache lives in it).</summary>
[RequiresDynamicCode(Generated.DynamicCode.Message)]
[RequiresUnreferencedCode(Generated.DynamicCode.Message)]
internal static class LazyProxies
{
    /// <summary>The one generator of the process: its type cache lives in it (remote contract proxies use it too).</summary>
    internal static readonly ProxyGenerator Generator = new();
    private static readonly ConcurrentDictionary<Type, (Type ProxyType, FieldInfo Interceptors, FieldInfo Target)> ClassProxies = new();

    /// <summary>Says why <paramref name="type"/> cannot be proxied and what to change, or returns null when it can.</summary>
    public static (string Reason, string Fix)? WhyNotProxyable(Type type)
    {
        var name = Errors.TypeName(type);
        if (!ProxyUtil.IsAccessible(type))
        {
            return ($"{(type.IsInterface ? "interface" : "class")} {name} is not public, and Castle DynamicProxy can only proxy public types",
                $"Make {name} public (an internal type needs [assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")] in its assembly)");
        }

        if (type.IsInterface)
        {
            return null;
        }

        if (type.IsSealed || type.IsValueType)
        {
            return ($"class {name} is sealed", $"Inject an interface that {name} implements, unseal it and make its public members virtual");
        }

        var notVirtual = type.GetMembers(BindingFlags.Instance | BindingFlags.Public)
            .Where(m => m.DeclaringType != typeof(object))
            .Select(m => m switch
            {
                MethodInfo { IsSpecialName: false } method when !method.IsVirtual || method.IsFinal => $"method {m.Name}",
                PropertyInfo property when property.GetAccessors().Any(a => !a.IsVirtual || a.IsFinal) => $"property {m.Name}",
                EventInfo e when e.AddMethod is { } add && (!add.IsVirtual || add.IsFinal) => $"event {m.Name}",
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
        return notVirtual.Count == 0
            ? null
            : ($"class {name} has public members that are not virtual ({string.Join(", ", notVirtual)})",
                $"Inject an interface that {name} implements, make those members virtual");
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
