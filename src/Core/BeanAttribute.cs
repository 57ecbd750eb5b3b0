namespace Sprig;

/// <summary>Marks a method of a <see cref="ConfigurationAttribute"/> class as a factory of a component.</summary>
/// <example>
/// <code>
/// [Configuration]
/// public class Clocks { [Bean] public TimeProvider Clock() => TimeProvider.System; }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BeanAttribute : Attribute
{
    /// <summary>Initializes the attribute; the component is named after the method.</summary>
    public BeanAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the product is registered by.</param>
    public BeanAttribute(string name) => Name = name;

    /// <summary>Gets or sets the component name; <see langword="null"/> means the method name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the scope of the product; the default is <see cref="Sprig.Scope.Singleton"/>.</summary>
    public Scope Scope { get; set; }
}
