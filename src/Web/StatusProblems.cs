using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web;

/// <summary>
/// Gives the bodiless answers ASP.NET Core's own middleware writes on Sprig's routes — 401 and 403 from authorization, 429 from
/// rate limiting — a problem+json body, as every other Sprig error has. Authorization itself stays ASP.NET Core's: this
/// middleware only runs after the pipeline has answered, and only writes when nothing was written (an application's own
/// <c>UseStatusCodePages()</c> or an authentication handler that writes a body wins).
/// </summary>
internal sealed class StatusProblems : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, following) =>
        {
            await following(http).ConfigureAwait(false);
            if (!http.Response.HasStarted && http.Response.ContentLength is null && http.Response.ContentType is null
                && http.GetEndpoint()?.Metadata.GetMetadata<SprigRouteMetadata>() is not null && Describe(http) is var (title, detail))
            {
                await Problems.WriteAsync(http, http.Response.StatusCode, title, detail).ConfigureAwait(false);
            }
        });
        next(app);
    };

    private static (string Title, string Detail)? Describe(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => ("Authentication is required.",
            $"{http.Request.Method} {http.Request.Path} requires an authenticated user. Sign in and send the credentials the application accepts."),
        StatusCodes.Status403Forbidden => ("Access is denied.",
            $"The user may not call {http.Request.Method} {http.Request.Path}: the route's authorization policy refused it."),
        StatusCodes.Status429TooManyRequests => ("Too many requests.",
            $"{http.Request.Method} {http.Request.Path} is rate limited. Retry later."),
        _ => null,
    };
}

/// <summary>Marks every route <see cref="SprigWeb.MapSprig"/> maps.</summary>
internal sealed class SprigRouteMetadata
{
    public static readonly SprigRouteMetadata Instance = new();
}
