using System.ComponentModel;
using System.Reflection;

namespace Sprig.Generated;

/// <summary>One assembly's generated registry: every attributed component class it declares. For generated code only.</summary>
/// <param name="assembly">The assembly the generator ran on.</param>
/// <param name="components">Its component classes, in declaration order.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedAssembly(Assembly assembly, GeneratedComponent[] components)
{
    /// <summary>Gets the assembly.</summary>
    public Assembly Assembly { get; } = assembly ?? throw new ArgumentNullException(nameof(assembly));

    /// <summary>Gets its component classes.</summary>
    public IReadOnlyList<GeneratedComponent> Components { get; } = components ?? throw new ArgumentNullException(nameof(components));
}
