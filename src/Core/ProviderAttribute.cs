namespace Sprig;

/// <summary>
/// Marks a class implementing <see cref="IProvider{T}"/> as a component whose product, the value <see cref="IProvider{T}.Get"/>
/// returns, is what the context hands out under the provider's name and the product's types.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ProviderAttribute : ComponentAttribute
{
    /// <summary>Initializes the attribute; the component is named after its class.</summary>
    public ProviderAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the product is registered and resolved by.</param>
    public ProviderAttribute(string name)
        : base(name)
    {
    }
}
