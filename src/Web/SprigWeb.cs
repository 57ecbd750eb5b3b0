using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sprig.Web.Routing;

namespace Sprig.Web;

/// <summary>
/// Serves a context's RPC endpoints and controllers over HTTP with ASP.NET Core: <see cref="ServeAsync"/> starts a Kestrel
/// server for a refreshed context; <see cref="UseSprig"/> makes a context the container of a <c>WebApplication</c>, and
/// <see cref="MapSprig"/> maps the endpoints and controllers into it.
/// </summary>
/// <example>
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.UseSprig();                 // the application's attributed classes + builder.Services, one container
/// var app = builder.Build();          // refreshes the context
/// app.MapSprig();                     // POST /rpc/{namespace}/{component}/{endpoint}, GET /rpc, [Controller] routes
/// app.Run();
/// </code>
/// </example>
public static partial class SprigWeb
{
    /// <summary>
    /// Builds and starts a Kestrel server for a refreshed context; the URL may end in ":0" for a free port. The server's
    /// environment is the one the context's configuration names (<c>environment</c>, <c>DOTNET_ENVIRONMENT</c>), so error answers
    /// carry exception details exactly when the context is in Development.
    /// </summary>
    /// <param name="context">A running context.</param>
    /// <param name="url">The address to listen on.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; <see cref="SprigServer.BaseAddress"/> tells the port.</returns>
    /// <exception cref="InvalidOperationException">The context is not running.</exception>
    public static async Task<SprigServer> ServeAsync(this ApplicationContext context, string url = "http://127.0.0.1:5000", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.State != ContextState.Running)
        {
            throw new InvalidOperationException(WebErrors.NotRunning(context.State));
        }

        // The server's environment is the context's (its "environment" / DOTNET_ENVIRONMENT setting), so that the context's
        // configuration alone decides whether error answers carry exception details.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Hosting.SprigHosting.EnvironmentName(context.Configuration) });
        builder.WebHost.UseUrls(url);
        builder.Services.AddSingleton(context);
        // No user can sign in here, but [Authorize] still holds: such routes answer 401 (as problem+json) and never run.
        builder.Services.AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, DenyUnknownPolicies>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IStartupFilter, StatusProblems>();
        // One line per request at most: the RPC layer logs its own; ASP.NET's request start/finish lines stay at Debug.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = builder.Build();
        try
        {
            app.UseAuthorization();
            app.MapSprig();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SprigServer(app, new Uri(address));
    }

    /// <summary>
    /// Makes <paramref name="context"/> (by default one over a copy of <see cref="PendingRegistry.Instance"/> and the builder's configuration)
    /// the application's container: it is refreshed when the application is built, with every service of
    /// <c>builder.Services</c> as a component, and <c>app.Services</c> is the context.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <param name="context">A context that has not been refreshed, or null for the default one.</param>
    /// <returns>The builder, for chaining.</returns>
    public static WebApplicationBuilder UseSprig(this WebApplicationBuilder builder, ApplicationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The default context works on a copy of the application's registry, so a process can build several applications.
        context ??= new ApplicationContext(PendingRegistry.Instance.Snapshot(), builder.Configuration);
        // The builder's IConfiguration service (the first: the builder adds it before any application code runs) serves the
        // host's services; components get the context's configuration, which their conditions and [Value]s read.
        var hostConfiguration = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(IConfiguration) && !d.IsKeyedService);
        builder.Host.UseServiceProviderFactory(new WebProviderFactory(context, hostConfiguration));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IStartupFilter, StatusProblems>();
        OpenApi.SprigOpenApi.AddSprigOpenApi(builder.Services);
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /rpc/{namespace}/{component}/{endpoint}</c> for every endpoint, <c>GET /rpc</c>, and the actions of every
    /// <see cref="ControllerAttribute"/> component, as one route group. The attributes of component classes, endpoint methods,
    /// controllers and actions (<c>[Authorize]</c>, <c>[AllowAnonymous]</c>, <c>[RequestTimeout]</c>, <c>[Tags]</c>, ...) are the
    /// metadata of their routes, and the returned builder applies conventions to every Sprig route at once.
    /// </summary>
    /// <param name="endpoints">The application's route builder.</param>
    /// <returns>The group of Sprig's routes: <c>.RequireAuthorization()</c>, <c>.RequireRateLimiting()</c>, <c>.RequireCors()</c>,
    /// <c>.WithTags()</c> and <c>.AddEndpointFilter()</c> work as on any route group.</returns>
    /// <exception cref="InvalidOperationException">No running <see cref="ApplicationContext"/> is registered (call UseSprig or ServeAsync).</exception>
    /// <exception cref="ContainerException">Two controller actions answer the same verb and route, or an action's parameters cannot be bound.</exception>
    public static IEndpointConventionBuilder MapSprig(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var context = endpoints.ServiceProvider.GetService<ApplicationContext>()
            ?? throw new InvalidOperationException(WebErrors.NoContext);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sprig.Web");
        var development = endpoints.ServiceProvider.GetService<IHostEnvironment>()?.IsDevelopment() == true;
        IReadOnlyList<ControllerAction> actions = [];
        List<(ControllerAction, Generated.ActionHandler, Generated.ActionBinder)> generated = [];
        if (Hosting.SprigHosting.IsDynamicCodeSupported)
        {
            actions = CheckedActions(endpoints.ServiceProvider, context);
        }
        else
        {
            generated = GeneratedActions(endpoints.ServiceProvider, context);
        }

        var group = endpoints.MapGroup("");
        group.WithMetadata(SprigRouteMetadata.Instance);
        MapRpc(group, context, logger, Hosting.SprigHosting.IncludeFailureDetails(context.Configuration, development));
        if (Hosting.SprigHosting.IsDynamicCodeSupported)
        {
            MapControllers(group, context, actions, logger, development);
        }
        else
        {
            MapGeneratedControllers(group, context, generated, logger, development);
        }

        return group;
    }

    /// <summary>Lists the controllers' actions, checking that no two share a verb and route and that every one can be bound.</summary>
    [RequiresDynamicCode(ControllersNeedDynamicCode)]
    [RequiresUnreferencedCode(ControllersNeedDynamicCode)]
    private static IReadOnlyList<ControllerAction> CheckedActions(IServiceProvider services, ApplicationContext context)
    {
        var actions = ControllerRoutes.Of(context);
        CheckBindings(services, context, actions);
        return actions;
    }

    /// <summary>
    /// The container factory of <see cref="UseSprig"/>: refreshes the context, then checks the controllers' routes, so that a
    /// route conflict fails the application's build (and disposes the context) instead of its first request.
    /// </summary>
    private sealed class WebProviderFactory(ApplicationContext context, ServiceDescriptor? hostConfiguration) : IServiceProviderFactory<IServiceCollection>
    {
        private readonly SprigServiceProviderFactory _inner = new(context) { HostConfiguration = hostConfiguration };

        public IServiceCollection CreateBuilder(IServiceCollection services) => _inner.CreateBuilder(services);

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
        {
            var provider = _inner.CreateServiceProvider(containerBuilder);
            try
            {
                if (Hosting.SprigHosting.IsDynamicCodeSupported)
                {
                    _ = CheckedActions(provider, context);
                }
                else
                {
                    _ = GeneratedActions(provider, context);
                }
            }
            catch
            {
                context.Dispose();
                throw;
            }

            return provider;
        }
    }
}
