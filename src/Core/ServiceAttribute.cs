namespace Sprig;

/// <summary>Marks a class as a service component; behaves exactly like <see cref="ComponentAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ServiceAttribute : ComponentAttribute
{
    /// <summary>Initializes the attribute; the component is named after its class.</summary>
    public ServiceAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the component is registered and resolved by.</param>
    public ServiceAttribute(string name)
        : base(name)
    {
    }
}
