using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Web.Diagnostics;

namespace Sprig.Web;

public static partial class SprigWeb
{
    /// <summary>
    /// Maps Sprig's diagnostics under <paramref name="prefix"/>, like Spring Boot's Actuator: the page at <c>{prefix}</c> (the
    /// dependency graph, the start-up timeline, conditions, endpoints and health; embedded, nothing loaded from elsewhere) and
    /// JSON at <c>{prefix}/health</c> (503 when unhealthy), <c>/components</c>, <c>/conditions</c>, <c>/mappings</c>,
    /// <c>/config</c> (secret-looking values masked), <c>/startup</c> and <c>/graph?format=json|dot|mermaid</c>. Outside the
    /// Development environment every route requires an authenticated user; open them with <c>.AllowAnonymous()</c> or set a
    /// policy with <c>.RequireAuthorization("policy")</c> on the returned builder. The routes are left out of OpenAPI documents.
    /// </summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <param name="prefix">Where the routes live: a path starting with '/', default "/sprig".</param>
    /// <returns>The group of the diagnostics routes, for conventions (<c>.AllowAnonymous()</c>, <c>.RequireAuthorization(...)</c>, <c>.RequireHost(...)</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a path.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="ApplicationContext"/> is registered (call UseSprig).</exception>
    /// <example>
    /// <code>
    /// var app = builder.Build();
    /// app.MapSprig();
    /// var diagnostics = app.MapSprigDiagnostics();            // GET /sprig, /sprig/health, /sprig/components, ...
    /// if (app.Environment.IsStaging())
    /// {
    ///     diagnostics.RequireAuthorization("Operators");       // outside Development a signed-in user is required anyway
    /// }
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapSprigDiagnostics(this IEndpointRouteBuilder endpoints, string prefix = "/sprig")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith('/') || (prefix.Length > 1 && prefix.EndsWith('/')) || prefix.IndexOfAny(['?', '#', '{', '}']) >= 0)
        {
            throw new ArgumentException(WebErrors.BadPrefix(prefix), nameof(prefix));
        }

        var context = endpoints.ServiceProvider.GetService<ApplicationContext>()
            ?? throw new InvalidOperationException(WebErrors.DiagnosticsNoContext);
        return DiagnosticsRoutes.Map(endpoints, context, prefix == "/" ? string.Empty : prefix);
    }
}
