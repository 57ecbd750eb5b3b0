namespace Sprig;

/// <summary>
/// Injects a Castle DynamicProxy proxy whose target is resolved on the first call, once. Use it to break a dependency cycle
/// or to defer an expensive component. The member's type must be an interface, or a class whose public members are virtual.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class LazyAttribute : Attribute
{
    /// <summary>Initializes the attribute; the target is found by the member's type.</summary>
    public LazyAttribute()
    {
    }

    /// <summary>Initializes the attribute with the name of the target component.</summary>
    /// <param name="name">The component name.</param>
    public LazyAttribute(string name) => Name = name;

    /// <summary>Gets the name of the target component, or <see langword="null"/> to find it by the member's type.</summary>
    public string? Name { get; }
}
