namespace Sprig.Web;

/// <summary>Maps a controller method to HTTP POST at the controller's URL plus the template.</summary>
/// <example><code>[Post("/{id}")] public User Find(int id) =&gt; users.Find(id);</code></example>
public sealed class PostAttribute : HttpRouteAttribute
{
    /// <summary>Initializes the attribute for the controller's own URL.</summary>
    public PostAttribute()
        : this("")
    {
    }

    /// <summary>Initializes the attribute with a route template.</summary>
    /// <param name="template">The route template, e.g. "/{id}"; route values, query and body bind as in minimal APIs.</param>
    public PostAttribute(string template)
        : base("POST", template)
    {
    }
}
