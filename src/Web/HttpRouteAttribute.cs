namespace Sprig.Web;

/// <summary>The base of the route attributes that expose a <see cref="ControllerAttribute"/> method over HTTP.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HttpRouteAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The route template, appended to the controller's <see cref="ControllerAttribute.Url"/>.</param>
    protected HttpRouteAttribute(string method, string template)
    {
        Method = method;
        Template = template;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the route template ("" for the controller's own URL), e.g. "/{id}".</summary>
    public string Template { get; }
}
