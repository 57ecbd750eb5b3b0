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

    /// <summary>
    /// Gets or sets whether the endpoint is safe to run twice with the same arguments: a remote call that loses its serving
    /// instance mid-call is then retried on another instance, where a non-idempotent call fails with 502 rather than risk a
    /// second execution.
    /// </summary>
    public bool Idempotent { get; set; }
}
