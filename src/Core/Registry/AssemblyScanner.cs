using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Registry;

/// <summary>Finds attributed component classes with Scrutor's assembly scanning.</summary>
internal static class AssemblyScanner
{
    /// <summary>Lists the classes marked with a <see cref="ComponentAttribute"/> (or a derived one) in the given assemblies, in metadata order.</summary>
    public static IReadOnlyList<Type> ComponentTypes(IEnumerable<Assembly> assemblies)
    {
        var services = new ServiceCollection();
        services.Scan(scan => scan
            .FromAssemblies(assemblies)
            .AddClasses(classes => classes.WithAttribute<ComponentAttribute>(), publicOnly: false)
            .AsSelf()
            .WithSingletonLifetime());
        return Order(services.Select(d => d.ImplementationType!));
    }

    /// <summary>Lists the attributed classes of the application: the entry assembly and every dependency that references Sprig.Core.</summary>
    public static IReadOnlyList<Type> ApplicationComponentTypes()
    {
        var services = new ServiceCollection();
        services.Scan(scan => scan
            .FromApplicationDependencies(ReferencesSprig)
            .AddClasses(classes => classes.WithAttribute<ComponentAttribute>(), publicOnly: false)
            .AsSelf()
            .WithSingletonLifetime());
        var types = services.Select(d => d.ImplementationType!);
        if (Assembly.GetEntryAssembly() is { } entry && ReferencesSprig(entry))
        {
            types = types.Concat(ComponentTypes([entry]));
        }

        return Order(types);
    }

    private static bool ReferencesSprig(Assembly assembly)
    {
        var sprig = typeof(ComponentAttribute).Assembly.GetName().Name;
        return assembly.GetName().Name != sprig
            && assembly.GetReferencedAssemblies().Any(a => a.Name == sprig);
    }

    // Scanning order decides registration order (and so IEnumerable<T> order): make it the declaration order.
    private static Type[] Order(IEnumerable<Type> types) =>
        [.. types.Distinct()
            .Where(t => t.GetCustomAttribute<ComponentAttribute>(inherit: false) is not null && !t.IsAbstract && !t.ContainsGenericParameters)
            .OrderBy(t => t.Assembly.FullName, StringComparer.Ordinal)
            .ThenBy(t => t.MetadataToken)];
}
