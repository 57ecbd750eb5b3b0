namespace Sprig.Web;

/// <summary>Maps a controller method to HTTP PUT at the controller's URL plus the template.</summary>
/// <example><code>[Put("/{id}")] public User Find(int id) =&gt; users.Find(id);</code></example>
public sealed class PutAttribute : HttpRouteAttribute
{
    /// <summary>Initializes the attribute for the controller's own URL.</summary>
    public PutAttribute()
        : this("")
    {
    }

    /// <summary>Initializes the attribute with a route template.</summary>
    /// <param name="template">The route template, e.g. "/{id}"; route values, query and body bind as in minimal APIs.</param>
    public PutAttribute(string template)
        : base("PUT", template)
    {
    }
}
