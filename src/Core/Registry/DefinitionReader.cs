using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Registry;

/// <summary>Turns an attributed class into the component definitions it declares (itself, its beans, a provider's product).</summary>
internal static class DefinitionReader
{
    private const BindingFlags AllInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    // Definitions are immutable: a class registered under its own name reads the same in every registry, so it is read once
    // (and kept from one refresh to the next, not for the life of the process: see MetadataCache).
    private static readonly Planning.MetadataCache<ComponentDefinition[]> Cache = new();

    // IProvider<T>.Get of the class's IProvider<T>, without closing the generic type at run time.
    private static readonly MethodInfo ProviderGet = typeof(IProvider<>).GetMethod(nameof(IProvider<object>.Get))!;

    /// <summary>Returns the definitions a class declares; under its own name they are read once per process and shared.</summary>
    public static IReadOnlyList<ComponentDefinition> Read([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type, string? explicitName)
    {
        if (explicitName is not null)
        {
            return [.. ReadUncached(type, explicitName)];
        }

        // A class that cannot be read throws here, every time: only good definitions are kept.
        return Cache.Get(type, ReadCached);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "ReadCached is called only by Read, through the cache, with Read's annotated type.")]
    private static ComponentDefinition[] ReadCached(Type type) => [.. ReadUncached(type, null)];

    private static IEnumerable<ComponentDefinition> ReadUncached([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type, string? explicitName)
    {
        Validate(type);
        var shared = explicitName is null; // kept in Cache
        // Where generated calls are used, the attribute as generated code made it: reading it by reflection under Native AOT
        // walks the metadata (a tenth of a first refresh of many classes).
        var attribute = (Generated.DynamicCode.CallsGenerated ? Generated.GeneratedComponents.Of(type)?.Attribute : null)
            ?? type.GetCustomAttribute<ComponentAttribute>(inherit: false);
        var name = explicitName ?? attribute?.Name ?? type.Name;
        var scope = attribute?.Scope ?? Scope.Singleton;
        var dependsOn = attribute?.DependsOn ?? [];
        var ns = attribute?.Namespace ?? "default";
        var conditions = (Generated.GeneratedComponents.FactsOf(type) & Generated.ClassFacts.Conditions) == 0 ? [] : type.GetCustomAttributes<ConditionAttribute>(inherit: true).ToList();

        var provider = attribute is null or ProviderAttribute ? ProviderInterface(type) : null;
        var providedType = provider?.GetGenericArguments()[0];
        if (attribute is ProviderAttribute || (attribute is null && providedType is not null))
        {
            if (providedType is null)
            {
                throw new ContainerException(Errors.ProviderWithoutInterface(type));
            }

            var ownerName = "&" + name;
            yield return new ComponentDefinition(ownerName, type, ComponentKind.Class, Scope.Singleton)
            {
                IsShared = shared,
                ImplementationType = type, DependsOn = dependsOn, Namespace = ns, Source = type, IsInfrastructure = true,
            };
            yield return new ComponentDefinition(name, providedType, ComponentKind.Factory, scope)
            {
                IsShared = shared,
                FactoryOwner = ownerName,
                FactoryMethod = (MethodInfo)MethodBase.GetMethodFromHandle(ProviderGet.MethodHandle, provider!.TypeHandle)!,
                Factory = FactoryKind.Provider,
                Namespace = ns,
                Source = type,
                Conditions = conditions,
            };
            yield break;
        }

        yield return new ComponentDefinition(name, type, ComponentKind.Class, scope)
        {
            IsShared = shared,
            ImplementationType = type, DependsOn = dependsOn, Namespace = ns, Source = type, Conditions = conditions,
        };

        if (attribute is ConfigurationAttribute)
        {
            foreach (var method in type.GetMethods(AllInstance | BindingFlags.Static))
            {
                var bean = method.GetCustomAttribute<BeanAttribute>();
                if (bean is null)
                {
                    continue;
                }

                if (method.ReturnType == typeof(void) || method.ContainsGenericParameters)
                {
                    throw new ContainerException(Errors.BeanMethodInvalid(type, method));
                }

                yield return new ComponentDefinition(bean.Name ?? method.Name, method.ReturnType, ComponentKind.Factory, bean.Scope)
                {
                    IsShared = shared,
                    FactoryOwner = method.IsStatic ? null : name,
                    FactoryMethod = method,
                    Factory = FactoryKind.BeanMethod,
                    Namespace = ns,
                    Source = type,
                    Conditions = [.. method.GetCustomAttributes<ConditionAttribute>(inherit: true)], // the class's apply through FactoryOwner
                };
            }
        }
    }

    public static ComponentDefinition ForInstance(string name, object instance) =>
        new(name, instance.GetType(), ComponentKind.Instance, Scope.Singleton) { Instance = instance, Source = instance.GetType() };

    private static void Validate(Type type)
    {
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            throw new ContainerException(Errors.NotAComponentClass(type));
        }
    }

    private static Type? ProviderInterface([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IProvider<>));
}
