namespace Sprig.Web;

/// <summary>Maps a controller method to HTTP PATCH at the controller's URL plus the template.</summary>
/// <example><code>[Patch("/{id}")] public User Find(int id) =&gt; users.Find(id);</code></example>
public sealed class PatchAttribute : HttpRouteAttribute
{
    /// <summary>Initializes the attribute for the controller's own URL.</summary>
    public PatchAttribute()
        : this("")
    {
    }

    /// <summary>Initializes the attribute with a route template.</summary>
    /// <param name="template">The route template, e.g. "/{id}"; route values, query and body bind as in minimal APIs.</param>
    public PatchAttribute(string template)
        : base("PATCH", template)
    {
    }
}
