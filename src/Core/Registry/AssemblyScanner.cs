using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyModel;

namespace Sprig.Registry;

/// <summary>
/// Finds attributed component classes: Scrutor scans the assemblies, and for the application's own components only the
/// libraries that depend on Sprig are loaded to be scanned.
/// </summary>
internal static class AssemblyScanner
{
    private static readonly string SprigName = typeof(ComponentAttribute).Assembly.GetName().Name!;

    /// <summary>Lists the classes marked with a <see cref="ComponentAttribute"/> (or a derived one) in the given assemblies, in metadata order.</summary>
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
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

    /// <summary>
    /// Lists the attributed classes of the application: the entry assembly and every dependency that references Sprig.Core.
    /// Only libraries that depend on Sprig, directly or through another library, are loaded (from the application's
    /// dependency manifest, before loading anything): the rest of the application and the framework stay unloaded.
    /// </summary>
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    public static IReadOnlyList<Type> ApplicationComponentTypes()
    {
        var assemblies = new List<Assembly>();
        if (Assembly.GetEntryAssembly() is { } entry && ReferencesSprig(entry))
        {
            assemblies.Add(entry);
        }

        foreach (var name in Candidates())
        {
            try
            {
                if (Assembly.Load(name) is var assembly && ReferencesSprig(assembly) && !assemblies.Contains(assembly))
                {
                    assemblies.Add(assembly);
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // Listed but not loadable here (a reference assembly, a trimmed one): it declares nothing to run.
            }
        }

        return FromRegistriesOrScanned(assemblies);
    }

    /// <summary>
    /// Lists the attributed classes of the given assemblies by scanning them, after running their module initializers, which
    /// announce Sprig.Generator's registries (loading an assembly does not run them) so that refresh finds the generated calls.
    /// Scanning, not the registry, decides what is a component here: a registry leaves out the classes generated code cannot
    /// name (a private nested class, a file-local one), which reflection still creates. Without dynamic code (Native AOT) the
    /// registries alone are read (<see cref="PendingRegistry"/>).
    /// </summary>
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    public static IReadOnlyList<Type> FromRegistriesOrScanned(IReadOnlyList<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }

        return ComponentTypes(assemblies);
    }

    /// <summary>
    /// Returns the names of the assemblies that may declare components: from the dependency manifest, or, where there is none
    /// (a single-file application) or it cannot be read, the assemblies the entry assembly references, as Scrutor does.
    /// </summary>
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    [UnconditionalSuppressMessage("SingleFile", "IL3002", Justification = "In a single-file application DependencyContext.Default is null, and the entry assembly's references are used instead.")]
    private static IEnumerable<AssemblyName> Candidates()
    {
        DependencyContext? context;
        try
        {
            context = DependencyContext.Default;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or FormatException or System.Text.Json.JsonException)
        {
            context = null;
        }

        return context is not null ? DependingOnSprig(context) : Assembly.GetEntryAssembly()?.GetReferencedAssemblies() ?? [];
    }

    /// <summary>Returns the assembly names of the manifest's libraries that depend on Sprig.Core, directly or transitively.</summary>
    private static List<AssemblyName> DependingOnSprig(DependencyContext context)
    {
        var sprig = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SprigName };
        bool grew;
        do
        {
            grew = false;
            foreach (var library in context.RuntimeLibraries)
            {
                if (!sprig.Contains(library.Name) && library.Dependencies.Any(d => sprig.Contains(d.Name)))
                {
                    grew |= sprig.Add(library.Name);
                }
            }
        }
        while (grew);

        return [.. context.RuntimeLibraries
            .Where(l => sprig.Contains(l.Name) && !string.Equals(l.Name, SprigName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.GetDefaultAssemblyNames(context))];
    }

    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    private static bool ReferencesSprig(Assembly assembly)
    {
        return assembly.GetName().Name != SprigName
            && assembly.GetReferencedAssemblies().Any(a => a.Name == SprigName);
    }

    // Scanning order decides registration order (and so IEnumerable<T> order): make it the declaration order.
    private static Type[] Order(IEnumerable<Type> types) =>
        [.. types.Distinct()
            .Where(t => t.GetCustomAttribute<ComponentAttribute>(inherit: false) is not null && !t.IsAbstract && !t.ContainsGenericParameters)
            .OrderBy(t => t.Assembly.FullName, StringComparer.Ordinal)
            .ThenBy(t => t.MetadataToken)];
}
