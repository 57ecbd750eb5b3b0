using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;

namespace Sprig.Generated;

/// <summary>
/// Where Sprig.Generator's output announces itself: each compiled assembly with attributed components has a generated registry
/// that a module initializer hands to <see cref="Register(GeneratedAssembly)"/> (and its [Lazy] proxies to <see cref="Register(GeneratedProxy)"/>) when the assembly loads. <see cref="PendingRegistry.Instance"/>
/// takes an assembly's components from its registry instead of scanning it, and the planner calls the generated constructors,
/// setters and methods instead of reflection. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedComponents
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Assembly, GeneratedAssembly> ByAssembly = [];
    private static readonly ConcurrentDictionary<Type, GeneratedProxy> ProxiesByType = new();
    private static readonly ConcurrentDictionary<Type, GeneratedRemoteProxy> RemoteProxiesByType = new();

    // The registries already asked about a class, so that a class of theirs is found without Type.Assembly and Type.Module: under
    // Native AOT each of those reads the type's metadata (a fifth of a first refresh of 10,000 generated classes). Copied on write.
    private static GeneratedAssembly[] s_indexed = [];

    /// <summary>Registers one assembly's generated registry; a second registry for the same assembly replaces the first.</summary>
    /// <param name="registry">The assembly and its components.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public static void Register(GeneratedAssembly registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        lock (Gate)
        {
            ByAssembly[registry.Assembly] = registry;
            if (s_indexed.Any(r => r.Assembly == registry.Assembly))
            {
                Volatile.Write(ref s_indexed, [.. s_indexed.Where(r => r.Assembly != registry.Assembly)]);
            }
        }
    }

    /// <summary>Registers one generated [Lazy] proxy class; when two assemblies generate one for the same interface, the first serves.</summary>
    /// <param name="proxy">The interface and the proxy's factory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="proxy"/> is null.</exception>
    public static void Register(GeneratedProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ProxiesByType.TryAdd(proxy.Type, proxy);
    }

    /// <summary>Registers a generated remote proxy class; the first one registered for an interface wins.</summary>
    /// <param name="proxy">The proxy.</param>
    public static void Register(GeneratedRemoteProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        RemoteProxiesByType.TryAdd(proxy.Type, proxy);
    }

    /// <summary>Gets the registries of every loaded assembly that has one.</summary>
    internal static IReadOnlyList<GeneratedAssembly> Assemblies
    {
        get
        {
            lock (Gate)
            {
                return [.. ByAssembly.Values];
            }
        }
    }

    /// <summary>Returns the generated registry of <paramref name="assembly"/>, or null when it has none.</summary>
    internal static GeneratedAssembly? Of(Assembly assembly)
    {
        lock (Gate)
        {
            return ByAssembly.GetValueOrDefault(assembly);
        }
    }

    /// <summary>Returns the generated [Lazy] proxy of an interface, or null when no generated assembly injects it lazily.</summary>
    internal static GeneratedProxy? ProxyOf(Type type) => ProxiesByType.GetValueOrDefault(type);

    /// <summary>Returns the generated remote proxy class of a contract interface, or null.</summary>
    /// <remarks>The generator writes it into the contract's assembly, whose module initializer (which registers it) runs here if it has not yet.</remarks>
    internal static GeneratedRemoteProxy? RemoteProxyOf(Type type)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
        return RemoteProxiesByType.GetValueOrDefault(type);
    }

    /// <summary>
    /// Returns what Sprig.Generator saw a class carry (<see cref="ClassFacts"/>), or <see cref="ClassFacts.Unknown"/> when its
    /// assembly was not generated: the class is then read whole by reflection.
    /// </summary>
    internal static ClassFacts FactsOf(Type type) => RegistryOf(type)?.FactsOf(type) ?? ClassFacts.Unknown;

    /// <summary>Returns the generated code of a class, or null when its assembly was not generated.</summary>
    internal static GeneratedComponent? Of(Type type) => RegistryOf(type)?.Find(type);

    /// <summary>
    /// Returns the registry that lists <paramref name="type"/>, or the registry of its assembly (which may not list it), or null
    /// when its assembly was not generated. The module initializer that registers it has run when this returns.
    /// </summary>
    internal static GeneratedAssembly? RegistryOf(Type type)
    {
        foreach (var indexed in Volatile.Read(ref s_indexed))
        {
            if (indexed.Lists(type))
            {
                return indexed; // registered by the module initializer, which has therefore run
            }
        }

        // The registry is announced by the assembly's module initializer, which merely naming a type of it does not run.
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
        var registry = Of(type.Assembly);
        if (registry is not null)
        {
            lock (Gate)
            {
                if (ByAssembly.GetValueOrDefault(registry.Assembly) == registry && !s_indexed.Contains(registry))
                {
                    Volatile.Write(ref s_indexed, [.. s_indexed, registry]);
                }
            }
        }

        return registry;
    }
}
