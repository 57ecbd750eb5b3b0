namespace Sprig.Web;

/// <summary>Maps a controller method to HTTP GET at the controller's URL plus the template.</summary>
/// <example><code>[Get("/{id}")] public User Find(int id) =&gt; users.Find(id);</code></example>
public sealed class GetAttribute : HttpRouteAttribute
{
    /// <summary>Initializes the attribute for the controller's own URL.</summary>
    public GetAttribute()
        : this("")
    {
    }

    /// <summary>Initializes the attribute with a route template.</summary>
    /// <param name="template">The route template, e.g. "/{id}"; route values, query and body bind as in minimal APIs.</param>
    public GetAttribute(string template)
        : base("GET", template)
    {
    }
}
