using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Sprig.Web.Routing;

namespace Sprig.Web;

/// <summary>
/// Controllers: each action becomes a route whose parameters ASP.NET Core's <see cref="RequestDelegateFactory"/> binds, as a
/// minimal API's would, with the controller's and the method's attributes as metadata and the method itself as the handler
/// (so endpoint filters see its arguments and OpenAPI describes it).
/// </summary>
public static partial class SprigWeb
{
    private const string ControllersNeedDynamicCode =
        "Under JIT controllers are bound by ASP.NET Core's RequestDelegateFactory, which compiles code at run time and reads the controllers' methods by reflection. Without dynamic code MapSprig serves them through Sprig.Generator's request delegates instead.";

    private static readonly string[] Verbs = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    [RequiresDynamicCode(ControllersNeedDynamicCode)]
    [RequiresUnreferencedCode(ControllersNeedDynamicCode)]
    private static void MapControllers(IEndpointRouteBuilder endpoints, ApplicationContext context, IReadOnlyList<ControllerAction> actions, ILogger logger, bool development)
    {
        foreach (var action in actions)
        {
            MapAction(endpoints, context, logger, development, action);
        }

        MapFallbacks(endpoints, actions);
    }

    /// <summary>Maps the 405 and 404 problem answers around the controllers' routes (JIT and generated alike).</summary>
    private static void MapFallbacks(IEndpointRouteBuilder endpoints, IReadOnlyList<ControllerAction> actions)
    {
        // A path an action answers, asked with another verb: 405 with Allow, as problem+json.
        // Grouped by the shape routing sees, so that /{id} and /{key} share one answer.
        foreach (var route in actions.GroupBy(a => ControllerRoutes.RouteKey(a.Template), StringComparer.Ordinal))
        {
            var template = route.First().Template;
            var allowed = route.Select(a => a.Verb).Distinct().ToArray();
            var allow = string.Join(", ", allowed);
            endpoints.MapMethods(template, Verbs.Except(allowed).ToArray(), (RequestDelegate)(http =>
            {
                http.Response.Headers.Allow = allow;
                return Problems.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "The method is not allowed here.",
                    $"{http.Request.Path} answers {allow}, not {http.Request.Method}.");
            })).WithDisplayName($"Sprig: {template} other methods").WithOrder(1000).ExcludeFromDescription();
        }

        // Any other path under a controller's URL: 404 as problem+json. A controller at the root leaves other paths to the application.
        foreach (var prefix in actions.Select(a => ControllerRoutes.Combine(Url(a), "")).Distinct(StringComparer.OrdinalIgnoreCase).Where(p => p != "/"))
        {
            endpoints.Map(prefix + "/{**rest}", (RequestDelegate)(http => Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such route.",
                $"No action answers {http.Request.Method} {http.Request.Path}.")))
                .WithDisplayName($"Sprig: {prefix} unknown path").WithOrder(1000).ExcludeFromDescription();
        }
    }

    private static string Url(ControllerAction action) =>
        action.Controller.GetCustomAttributes(typeof(ControllerAttribute), inherit: false) is [ControllerAttribute controller] ? controller.Url : "";

    [RequiresDynamicCode(ControllersNeedDynamicCode)]
    [RequiresUnreferencedCode(ControllersNeedDynamicCode)]
    private static void MapAction(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, bool development, ControllerAction action)
    {
        // The real handler is built once every convention has run (Finally), so that RequestDelegateFactory sees the filters
        // and metadata the application added to MapSprig's group, as it does for a minimal API.
        var builder = MapRoute(endpoints, action);
        builder.Finally(route =>
        {
            var handler = RequestDelegateFactory.Create(action.Method, TargetFactory(context, action), Options(endpoints.ServiceProvider, action, (RouteEndpointBuilder)route)).RequestDelegate;
            route.RequestDelegate = http => Guard(http, context, logger, development, handler);
        });
    }

    /// <summary>
    /// Maps an action's route with a placeholder handler and its metadata: a tag of the component's name, the controller's and the
    /// method's attributes (<see cref="RouteMetadata"/>), and the method itself (for OpenAPI).
    /// </summary>
    private static IEndpointConventionBuilder MapRoute(IEndpointRouteBuilder endpoints, ControllerAction action)
    {
        var builder = endpoints.MapMethods(action.Template, [action.Verb], (RequestDelegate)(_ => throw new InvalidOperationException(WebErrors.Bug("A controller route ran before it was built."))));
        builder.WithDisplayName($"{action.Verb} {action.Template} -> {action.Controller.Name}.{action.Method.Name}");
        builder.Add(route =>
        {
            route.Metadata.Add(new TagsAttribute(action.Component));
            foreach (var attribute in RouteMetadata.Of(action.Controller, action.Method, action.Generated?.Contracts))
            {
                route.Metadata.Add(attribute);
            }

            route.Metadata.Add(action.Method);
        });
        return builder;
    }

    /// <summary>Checks every action's parameters as RequestDelegateFactory will bind them, so that a mistake fails at start-up naming the method.</summary>
    [RequiresDynamicCode(ControllersNeedDynamicCode)]
    [RequiresUnreferencedCode(ControllersNeedDynamicCode)]
    private static void CheckBindings(IServiceProvider services, ApplicationContext context, IReadOnlyList<ControllerAction> actions)
    {
        var problems = new List<ContainerException>();
        foreach (var action in actions)
        {
            try
            {
                var route = new RouteEndpointBuilder(null, RoutePatternFactory.Parse(action.Template), 0);
                RequestDelegateFactory.InferMetadata(action.Method, Options(services, action, route));
                _ = TargetFactory(context, action);
            }
            catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or RoutePatternException)
            {
                problems.Add(new ContainerException(WebErrors.UnmappableAction(action, ex.Message), action.Component, null, ex));
            }
        }

        ControllerRoutes.ThrowAll(problems);
    }

    // The controller comes from the request's scope: Request-scoped by default, one per HTTP request.
    private static Func<HttpContext, object> TargetFactory(ApplicationContext context, ControllerAction action) =>
        http => RequestScopes.For(http, context).GetService(action.Controller)!;

    private static RequestDelegateFactoryOptions Options(IServiceProvider services, ControllerAction action, RouteEndpointBuilder route) => new()
    {
        ServiceProvider = services,
        RouteParameterNames = [.. route.RoutePattern.Parameters.Select(p => p.Name)],
        ThrowOnBadRequest = true,
        // As for minimal APIs: a GET or DELETE never reads a body unless a parameter says [FromBody].
        DisableInferBodyFromParameters = action.Verb is "GET" or "DELETE" or "HEAD" or "OPTIONS",
        EndpointBuilder = route,
    };

    /// <summary>
    /// Runs a handler: enforces the body limit (a readable 413), turns a bad request into a 400 problem, a request timeout into
    /// a 504 problem, a body the client did not finish into its status alone (as RequestDelegateFactory), and any other exception
    /// into a logged 500 problem.
    /// </summary>
    private static async Task Guard(HttpContext http, ApplicationContext context, ILogger logger, bool development, RequestDelegate handler)
    {
        if (context.State != ContextState.Running)
        {
            await Problems.UnavailableAsync(http, context).ConfigureAwait(false);
            return;
        }

        var limit = BodyLimit.Of(http, fallback: null);
        try
        {
            if (await BodyLimit.ApplyAsync(http, limit, () => TooLargeRequest(http, limit)).ConfigureAwait(false))
            {
                await handler(http).ConfigureAwait(false);
            }
        }
        catch (RequestBodyTooLargeException)
        {
            await BodyLimit.RejectAsync(http, TooLargeRequest(http, limit)).ConfigureAwait(false);
        }
        catch (UnreadableBodyException ex) when (!http.Response.HasStarted)
        {
            // As RequestDelegateFactory answers a body it cannot read (the client went away mid-body): the status alone, logged at debug level.
            ex.Answer(http, logger);
        }
        catch (OperationCanceledException) when (TimedOut(http) && !http.Response.HasStarted)
        {
            await Problems.WriteTimeoutAsync(http).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await Problems.WriteAsync(http, ex.StatusCode, "The request is not valid.", ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            Log.RequestFailed(logger, http.Request.Method, http.Request.Path, Problems.TraceId(http), ex);
            await Problems.WriteUnhandledAsync(http, ex, development).ConfigureAwait(false);
        }
    }

    private static string TooLargeRequest(HttpContext http, long? limit) =>
        $"The body of {http.Request.Method} {http.Request.Path} may be at most {limit} bytes. Send less, or raise the limit ([RequestSizeLimit] on the action, or Kestrel's MaxRequestBodySize).";
}
