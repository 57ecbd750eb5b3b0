using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Interop;

/// <summary>Turns <c>ServiceDescriptor</c>s into component definitions that follow Microsoft.Extensions.DependencyInjection's rules.</summary>
internal static class DescriptorReader
{
    public static Scope ScopeOf(ServiceLifetime lifetime) => lifetime switch
    {
        ServiceLifetime.Singleton => Scope.Singleton,
        ServiceLifetime.Scoped => Scope.Request,
        _ => Scope.Prototype,
    };

    /// <summary>
    /// Reads one descriptor: a definition, or an open generic registration. <paramref name="hostConfiguration"/> marks the host
    /// builder's own IConfiguration (<see cref="ComponentDefinition.IsHostConfiguration"/>).
    /// </summary>
    public static (ComponentDefinition? Definition, OpenGenericRegistration? OpenGeneric) Read(ServiceDescriptor descriptor, string name, int order, bool hostConfiguration = false)
    {
        var key = descriptor.IsKeyedService ? descriptor.ServiceKey : null;
        var scope = ScopeOf(descriptor.Lifetime);
        var implementationType = descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;
        if (descriptor.ServiceType.IsGenericTypeDefinition)
        {
            return (null, new OpenGenericRegistration(descriptor.ServiceType, implementationType!, scope, key, order));
        }

        var instance = descriptor.IsKeyedService ? descriptor.KeyedImplementationInstance : descriptor.ImplementationInstance;
        if (instance is not null)
        {
            return (new ComponentDefinition(name, descriptor.ServiceType, ComponentKind.Instance, Scope.Singleton)
            {
                Instance = instance, Source = instance.GetType(), ServiceTypes = [descriptor.ServiceType], FromDescriptor = true, ServiceKey = key, Order = order,
                IsHostConfiguration = hostConfiguration,
            }, null);
        }

        Func<IServiceProvider, object?, object?>? factory = descriptor.IsKeyedService
            ? descriptor.KeyedImplementationFactory is { } keyed ? (p, k) => keyed(p, k) : null
            : descriptor.ImplementationFactory is { } plain ? (p, _) => plain(p) : null;
        if (factory is not null)
        {
            return (new ComponentDefinition(name, descriptor.ServiceType, ComponentKind.Delegate, scope)
            {
                Delegate = factory, Source = descriptor.ServiceType, ServiceTypes = [descriptor.ServiceType], FromDescriptor = true, ServiceKey = key, Order = order,
                IsHostConfiguration = hostConfiguration,
            }, null);
        }

        return (Closed(name, descriptor.ServiceType, implementationType!, scope, key, order, hostConfiguration), null);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Of a descriptor's class the planner reads the public constructors, which MS.DI's annotation keeps, and its other members only through TypeScan.OfUnannotated, where the reflection fallback runs.")]
    public static ComponentDefinition Closed(
        string name, Type serviceType, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type implementationType, Scope scope, object? key, int order,
        bool hostConfiguration = false) =>
        new(name, serviceType, ComponentKind.Class, scope)
        {
            ImplementationType = implementationType, Source = implementationType, ServiceTypes = [serviceType], FromDescriptor = true, ServiceKey = key, Order = order,
            IsHostConfiguration = hostConfiguration,
        };

    /// <summary>Names a descriptor's component after its service type (and key): "IFakeService", "IFakeService[key]".</summary>
    public static string NameOf(ServiceDescriptor descriptor) =>
        Errors.TypeName(descriptor.ServiceType) + (descriptor.IsKeyedService ? $"[{descriptor.ServiceKey}]" : "");
}
