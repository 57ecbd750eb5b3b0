namespace Sprig;

/// <summary>
/// Marks a class as a component: <see cref="PendingRegistry.Scan"/> and <see cref="PendingRegistry.Instance"/> register it,
/// and <see cref="ApplicationContext.Refresh"/> creates and wires it.
/// </summary>
/// <example>
/// <code>
/// [Component]
/// public class EmailService { public void Send(string to) { } }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public class ComponentAttribute : Attribute
{
    /// <summary>Initializes the attribute; the component is named after its class.</summary>
    public ComponentAttribute()
    {
    }

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the component is registered and resolved by.</param>
    public ComponentAttribute(string name) => Name = name;

    /// <summary>Gets or sets the component name; <see langword="null"/> means the class name ("UserService").</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the scope; the default is <see cref="Sprig.Scope.Singleton"/>.</summary>
    public Scope Scope { get; set; }

    /// <summary>Gets or sets the names of components that are created before this one (ordering only, nothing is injected).</summary>
    public string[] DependsOn { get; set; } = [];

    /// <summary>Gets or sets the endpoint namespace of the component's <see cref="EndpointAttribute"/> methods; default "default".</summary>
    public string Namespace { get; set; } = "default";
}
