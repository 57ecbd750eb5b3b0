namespace Sprig;

/// <summary>Marks a class whose <see cref="BeanAttribute"/> methods are factories of components. The class itself is a singleton component.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConfigurationAttribute : ComponentAttribute
{
    /// <summary>Initializes the attribute; the component is named after its class.</summary>
    public ConfigurationAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the configuration class is registered by.</param>
    public ConfigurationAttribute(string name)
        : base(name)
    {
    }
}
