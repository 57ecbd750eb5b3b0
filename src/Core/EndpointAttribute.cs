namespace Sprig;

/// <summary>Exposes a component method as an RPC endpoint at "{Namespace}/{Component}/{Name}".</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndpointAttribute : Attribute
{
    /// <summary>Initializes the attribute; the endpoint is named after the method.</summary>
    public EndpointAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit endpoint name.</summary>
    /// <param name="name">The endpoint name.</param>
    public EndpointAttribute(string name) => Name = name;

    /// <summary>Gets the endpoint name, or <see langword="null"/> for the method name.</summary>
    public string? Name { get; }
}
