using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Diagnostics;

namespace Sprig;

/// <summary>The context as a Microsoft.Extensions.DependencyInjection service provider.</summary>
public sealed partial class ApplicationContext
    : IServiceScopeFactory, IServiceProviderIsService, IServiceProviderIsKeyedService, IKeyedServiceProvider, ISupportRequiredService
{
    /// <summary>Returns the component of a type, or throws when the context does not know it.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <returns>The component.</returns>
    /// <exception cref="InvalidOperationException">No component is a <paramref name="serviceType"/>.</exception>
    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType, null) ?? throw new InvalidOperationException(Errors.NoComponentOfType(serviceType));

    /// <summary>Returns the keyed component of a type, or null; a null key means a non-keyed one.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <returns>The component, or null.</returns>
    public object? GetKeyedService(Type serviceType, object? serviceKey) => GetKeyedService(serviceType, serviceKey, null);

    /// <summary>Returns the keyed component of a type, or throws when there is none.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <returns>The component.</returns>
    /// <exception cref="InvalidOperationException">No component is registered for that type and key.</exception>
    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        GetKeyedService(serviceType, serviceKey, null)
        ?? throw new InvalidOperationException(Errors.NoKeyedService(serviceType, serviceKey));

    /// <summary>Gets the services this context provides without registration (the provider, the configuration, the loggers).</summary>
    internal Resolution.BuiltinServices Builtins { get; }

    /// <summary>Tells whether a type can be resolved (a component, a closable open generic, an <see cref="IEnumerable{T}"/>, or a built-in service).</summary>
    /// <param name="serviceType">The type.</param>
    /// <returns><see langword="true"/> when <see cref="GetService(Type)"/> can answer it.</returns>
    public bool IsService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType.IsGenericTypeDefinition)
        {
            return false;
        }

        return Builtins.Provides(serviceType)
            || (serviceType.IsConstructedGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            || Running().FindLast(serviceType) is not null
            || CarriedContract(serviceType) is not null;
    }

    /// <summary>Tells whether a type can be resolved with a key; a null key asks about non-keyed services.</summary>
    /// <param name="serviceType">The type.</param>
    /// <param name="serviceKey">The key.</param>
    /// <returns><see langword="true"/> when <see cref="GetKeyedService(Type, object?)"/> can answer it.</returns>
    public bool IsKeyedService(Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null)
        {
            return IsService(serviceType);
        }

        if (serviceType.IsGenericTypeDefinition)
        {
            return false;
        }

        var table = Running();
        return table.FindKeyed(serviceType, serviceKey).Length > 0 || table.FindAnyKey(serviceType, serviceKey) is not null
            || (serviceType.IsConstructedGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>));
    }

    internal object? GetService(Type serviceType, RequestScope? scope)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        var table = Running();
        if (table.FindLast(serviceType) is { } entry)
        {
            return entry.Resolve(scope);
        }

        if (serviceType.IsConstructedGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var elementType = serviceType.GetGenericArguments()[0];
            return table.Enumerables.TryGetValue((elementType, null), out var cached) ? cached : ResolveAll(table, (elementType, null), table.FindAll(elementType), scope);
        }

        return Builtins.Resolve(serviceType, scope) ?? (CarriedContract(serviceType) is { } contract ? RemoteProxies.Get(contract) : null);
    }

    internal object? GetKeyedService(Type serviceType, object? serviceKey, RequestScope? scope)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null)
        {
            return GetService(serviceType, scope);
        }

        var table = Running();
        if (serviceType.IsConstructedGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var elementType = serviceType.GetGenericArguments()[0];
            var entries = ReferenceEquals(serviceKey, KeyedService.AnyKey) ? table.FindAllKeyed(elementType) : table.FindKeyed(elementType, serviceKey);
            return ResolveAll(table, (elementType, serviceKey), entries, scope);
        }

        if (ReferenceEquals(serviceKey, KeyedService.AnyKey))
        {
            throw new InvalidOperationException(
                $"KeyedService.AnyKey cannot resolve a single '{Errors.TypeName(serviceType)}': it matches every key. "
                + "Ask for one key, or for IEnumerable<T> with KeyedService.AnyKey to get every keyed registration.");
        }

        var keyed = table.FindKeyed(serviceType, serviceKey);
        if (keyed.Length > 0)
        {
            return keyed[^1].Resolve(scope);
        }

        return table.FindAnyKey(serviceType, serviceKey)?.Resolve(scope);
    }

    // An enumerable made only of singletons is itself cached, so repeated requests return the same instance (as MS.DI does).
    private static Array ResolveAll(ComponentTable table, (Type Element, object? Key) cacheKey, ComponentEntry[] entries, RequestScope? scope)
    {
        var visible = entries.Where(e => !e.Definition.IsInfrastructure).ToList();
        var cacheable = visible.All(e => e.Definition.Scope == Scope.Singleton);
        if (cacheable && table.Enumerables.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var array = Resolution.GenericClosing.ArrayOf(cacheKey.Element, visible.Count);
        for (var i = 0; i < visible.Count; i++)
        {
            array.SetValue(visible[i].Resolve(scope), i);
        }

        return cacheable ? table.Enumerables.GetOrAdd(cacheKey, array) : array;
    }
}
