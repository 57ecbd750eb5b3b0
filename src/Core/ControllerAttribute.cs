namespace Sprig;

/// <summary>
/// Marks a class as an HTTP controller component. Controllers default to <see cref="Scope.Request"/>: one instance per HTTP request.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ControllerAttribute : ComponentAttribute
{
    /// <summary>Initializes the attribute; the component is named after its class.</summary>
    public ControllerAttribute() => Scope = Scope.Request;

    /// <summary>Initializes the attribute with an explicit component name.</summary>
    /// <param name="name">The name the component is registered and resolved by.</param>
    public ControllerAttribute(string name)
        : base(name) => Scope = Scope.Request;

    /// <summary>Gets or sets the route prefix of the controller's methods; default "".</summary>
    public string Url { get; set; } = "";
}
