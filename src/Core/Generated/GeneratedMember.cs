using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>A generated setter of one injected property or field (private ones through [UnsafeAccessor]). For generated code only.</summary>
/// <param name="name">The member's name, as declared.</param>
/// <param name="set">Sets the member of the instance (first argument) to the value (second, cast to the member's type).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedMember(string name, Action<object, object?> set)
{
    /// <summary>Gets the member's name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>
    /// Gets the base class that declares the member, or null when the component class itself does: with the name, it tells a
    /// base class's private field apart from the component's own of the same name.
    /// </summary>
    public Type? DeclaringType { get; init; }

    /// <summary>Gets the setter.</summary>
    public Action<object, object?> Set { get; } = set ?? throw new ArgumentNullException(nameof(set));
}
