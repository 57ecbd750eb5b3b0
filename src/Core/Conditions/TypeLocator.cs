using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Conditions;

/// <summary>
/// Finds a type by name for <c>ConditionalOnClass</c>: assembly-qualified names directly, full names among the loaded assemblies
/// and then among assemblies named after the type's namespace prefixes ("System.Text.Json" for System.Text.Json.JsonSerializer),
/// so that no assembly is loaded just to look.
/// </summary>
internal static class TypeLocator
{
    private static readonly ConcurrentDictionary<string, Type?> Cache = new(StringComparer.Ordinal);

    public static Type? Find(string typeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        return Cache.GetOrAdd(typeName, Locate);
    }

    // What is asked is whether the application has the type. A type the trimmer removed is not in the application, so "not found"
    // is the right answer under trimming; the Type returned carries no DynamicallyAccessedMembers, so whatever a caller reflects
    // on it is analyzed (and warned about) at the caller.
    [UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "Only the presence of the type is answered; a trimmed type is absent, which is the correct answer.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only the presence of the type is answered; a trimmed type is absent, which is the correct answer.")]
    private static Type? Locate(string name)
    {
        if (Type.GetType(name, throwOnError: false) is { } direct)
        {
            return direct;
        }

        if (name.Contains(',', StringComparison.Ordinal))
        {
            return null; // assembly-qualified and not loadable: not available
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.GetType(name, throwOnError: false) is { } loaded)
            {
                return loaded;
            }
        }

        var parts = name.Split('.');
        for (var length = parts.Length - 1; length >= 1; length--)
        {
            var assemblyName = string.Join('.', parts, 0, length);
            try
            {
                if (Assembly.Load(new AssemblyName(assemblyName)).GetType(name, throwOnError: false) is { } found)
                {
                    return found;
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // No assembly by that name: try a shorter prefix.
            }
        }

        return null;
    }
}
