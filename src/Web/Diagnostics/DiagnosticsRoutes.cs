using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sprig.Web.Diagnostics.Json;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Maps the diagnostics routes as one route group under the prefix: the page, its assets and the JSON routes. The group is
/// left out of OpenAPI documents (they describe the application's API; these routes are for its operators), marked as Sprig's
/// (401 and 403 get problem+json bodies), and secured by <see cref="DiagnosticsAccess"/>.
/// </summary>
internal sealed class DiagnosticsRoutes
{
    private readonly ApplicationContext _context;
    private readonly DiagnosticsAccess _access;
    private readonly ILogger _logger;
    private readonly bool _development;

    private DiagnosticsRoutes(ApplicationContext context, DiagnosticsAccess access, ILogger logger, bool development)
    {
        _context = context;
        _access = access;
        _logger = logger;
        _development = development;
    }

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, ApplicationContext context, string prefix)
    {
        var services = endpoints.ServiceProvider;
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment()
            ?? string.Equals(Hosting.SprigHosting.EnvironmentName(context.Configuration), Environments.Development, StringComparison.OrdinalIgnoreCase);
        var group = endpoints.MapGroup(prefix);
        group.WithMetadata(SprigRouteMetadata.Instance, DiagnosticsMetadata.Instance);
        group.ExcludeFromDescription();
        var routes = new DiagnosticsRoutes(context, DiagnosticsAccess.Apply(group, services, development),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Sprig.Web.Diagnostics"), development);
        var configuration = services.GetService<IConfiguration>() ?? context.Configuration;
        var page = DiagnosticsPage.Load();

        void Get(string path, RequestDelegate handler) =>
            group.MapGet(path, handler).WithDisplayName($"Sprig diagnostics: GET {(prefix + path is { Length: > 0 } route ? route : "/")}");
        Get("", routes.Handle(http => page.WriteIndexAsync(http, prefix)));
        Get("/assets/{**file}", routes.Handle(http => page.WriteAssetAsync(http, (string)http.Request.RouteValues["file"]!)));
        Get("/health", routes.Handle(http => routes.HealthAsync(http, configuration)));
        Get("/components", routes.Json(() => ComponentsView.Components(context), DiagnosticsJsonContext.Default.IReadOnlyListComponentJson));
        Get("/conditions", routes.Json(() => ComponentsView.Conditions(context, configuration), DiagnosticsJsonContext.Default.IReadOnlyListConditionsJson));
        Get("/mappings", routes.Handle(http => Write(http, MappingsView.Of(context, http.RequestServices.GetService<EndpointDataSource>()), DiagnosticsJsonContext.Default.MappingsJson)));
        Get("/config", routes.Json(() => ConfigurationView.Of(configuration), DiagnosticsJsonContext.Default.IReadOnlyListConfigJson));
        Get("/startup", routes.Json(() => ComponentsView.StartupSteps(context), DiagnosticsJsonContext.Default.IReadOnlyListStartupStepJson));
        Get("/graph", routes.Handle(http => GraphRoute.WriteAsync(http, context, prefix)));
        return group;
    }

    private async Task HealthAsync(HttpContext http, IConfiguration configuration)
    {
        var health = await HealthView.CheckAsync(_context, http.RequestServices, configuration, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = health.Status == nameof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy)
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        await Write(http, health, DiagnosticsJsonContext.Default.HealthJson).ConfigureAwait(false);
    }

    private RequestDelegate Json<T>(Func<T> read, JsonTypeInfo<T> type) => Handle(http => Write(http, read(), type));

    private static Task Write<T>(HttpContext http, T value, JsonTypeInfo<T> type)
    {
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(value, type, contentType: null, http.RequestAborted);
    }

    /// <summary>Checks access, runs the route, and answers what it throws as problem+json: 503 once the context stopped, else 500. Sends nosniff.</summary>
    private RequestDelegate Handle(Func<HttpContext, Task> route) => async http =>
    {
        // Every answer (JSON, DOT and Mermaid text, problems) is read as what its Content-Type says, never sniffed as HTML.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!await _access.AllowAsync(http).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await route(http).ConfigureAwait(false);
        }
        catch (Exception) when (_context.State != ContextState.Running && !http.Response.HasStarted)
        {
            await Problems.UnavailableAsync(http, _context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            Log.RequestFailed(_logger, http.Request.Method, http.Request.Path, Problems.TraceId(http), ex);
            await Problems.WriteUnhandledAsync(http, ex, _development).ConfigureAwait(false);
        }
    };
}
