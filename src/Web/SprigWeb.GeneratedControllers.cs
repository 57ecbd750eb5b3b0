using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sprig.Web.Generated;
using Sprig.Web.Routing;

namespace Sprig.Web;

/// <summary>
/// Controllers without dynamic code (Native AOT): the actions come from Sprig.Generator's registry, and each route's handler is
/// the request delegate the generator wrote for its method (binding as RequestDelegateFactory does, calling the method directly),
/// inside the same <see cref="Guard"/>, with the same metadata and fallback routes as under JIT.
/// </summary>
public static partial class SprigWeb
{
    /// <summary>Lists the controllers' actions from the generated registry and builds each one's request delegate, reporting every problem at once.</summary>
    /// <exception cref="ContainerException">A controller was not generated, two actions collide, or an action's parameters or result cannot be served.</exception>
    private static List<(ControllerAction Action, ActionHandler Handler, ActionBinder Binder)> GeneratedActions(IServiceProvider services, ApplicationContext context)
    {
        var actions = ControllerRoutes.OfGenerated(context);
        var json = ControllerJson(services, context);
        var problems = new List<ContainerException>();
        var handlers = new List<(ControllerAction, ActionHandler, ActionBinder)>();
        foreach (var action in actions)
        {
            try
            {
                var route = RoutePatternFactory.Parse(action.Template);
                if (action.Generated is not { Handler: { } factory })
                {
                    problems.Add(new ContainerException(WebErrors.UnmappableAction(action, action.Generated?.Unsupported
                        ?? WebErrors.Bug("Sprig.Generator wrote no request delegate for this public method.")), action.Component, null));
                    continue;
                }

                var names = new HashSet<string>(route.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
                var binder = new ActionBinder(names, services, json, inferBody: action.Verb is not ("GET" or "DELETE" or "HEAD" or "OPTIONS"));
                var handler = factory(binder);
                problems.AddRange(binder.Problems.Select(p => new ContainerException(WebErrors.UnmappableAction(action, p), action.Component, null)));
                handlers.Add((action, handler, binder));
            }
            catch (RoutePatternException ex)
            {
                problems.Add(new ContainerException(WebErrors.UnmappableAction(action, ex.Message), action.Component, null, ex));
            }
        }

        ControllerRoutes.ThrowAll(problems);
        return handlers;
    }

    /// <summary>Maps each generated action, then the 405 and 404 answers around them.</summary>
    private static void MapGeneratedControllers(IEndpointRouteBuilder endpoints, ApplicationContext context, List<(ControllerAction Action, ActionHandler Handler, ActionBinder Binder)> actions, ILogger logger, bool development)
    {
        foreach (var (action, handler, binder) in actions)
        {
            var type = action.Controller;
            var builder = MapRoute(endpoints, action);
            builder.Finally(route =>
            {
                // Endpoint filters need RequestDelegateFactory's argument lists: refuse rather than serve the route without them.
                if (route.FilterFactories.Count > 0)
                {
                    throw new ContainerException(WebErrors.EndpointFiltersNeedDynamicCode(route.DisplayName ?? action.Template));
                }

                // As RequestDelegateFactory does: what it infers (the JSON body, each parameter's binding, the result), then what the
                // parameters' and the result's types add themselves ([Authorize] ...).
                ActionDescription.Add(action.Method, binder, route);
                action.Generated?.Metadata?.Invoke(action.Method, route);
                route.RequestDelegate = http => Guard(http, context, logger, development, h => handler(h, RequestScopes.For(h, context).GetService(type)!));
            });
        }

        MapFallbacks(endpoints, [.. actions.Select(a => a.Action)]);
    }

    /// <summary>
    /// The JSON options of generated actions: the application's (<c>ConfigureHttpJsonOptions</c>, as minimal APIs use), then the
    /// context's JSON metadata components (a <c>JsonSerializerContext</c> registered for its endpoints), never reflection: what
    /// runs here is what runs under Native AOT, where System.Text.Json has none.
    /// </summary>
    private static JsonSerializerOptions ControllerJson(IServiceProvider services, ApplicationContext context)
    {
        var application = services.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var resolvers = application.TypeInfoResolverChain.Where(r => r is not DefaultJsonTypeInfoResolver).ToList();
        if (context.GetService(typeof(IEnumerable<IJsonTypeInfoResolver>)) is IEnumerable<IJsonTypeInfoResolver> components)
        {
            resolvers.AddRange(components);
        }

        var options = new JsonSerializerOptions(application) { TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]) };
        options.MakeReadOnly();
        return options;
    }
}
