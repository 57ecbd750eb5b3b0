using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;

namespace Sprig.Web;

/// <summary>Controllers: each routed method becomes an endpoint whose parameters ASP.NET Core's RequestDelegateFactory binds.</summary>
public static partial class SprigWeb
{
    private static void MapControllers(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, bool development)
    {
        var table = context.Table ?? throw new InvalidOperationException(WebErrors.NotRunning(context.State));
        foreach (var entry in table.Entries)
        {
            var type = entry.Definition.ImplementationType;
            if (type?.GetCustomAttribute<ControllerAttribute>(inherit: false) is not { } controller)
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public))
            {
                foreach (var route in method.GetCustomAttributes<HttpRouteAttribute>())
                {
                    MapAction(endpoints, context, logger, development, type, method, route, Combine(controller.Url, route.Template));
                }
            }
        }
    }

    private static void MapAction(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, bool development, Type controller, MethodInfo method, HttpRouteAttribute route, string template)
    {
        var pattern = RoutePatternFactory.Parse(template);
        var options = new RequestDelegateFactoryOptions
        {
            ServiceProvider = endpoints.ServiceProvider,
            RouteParameterNames = [.. pattern.Parameters.Select(p => p.Name)],
            ThrowOnBadRequest = true,
        };
        // The controller comes from the request's scope: Request-scoped by default, one per HTTP request.
        var result = RequestDelegateFactory.Create(method, http => RequestScopes.For(http, context).GetService(controller)!, options);
        var handler = result.RequestDelegate;
        var builder = endpoints.Map(pattern, http => Guard(http, context, logger, development, handler));
        builder.WithMetadata(new HttpMethodMetadata([route.Method]));
        builder.WithDisplayName($"{route.Method} {template} -> {controller.Name}.{method.Name}");
        foreach (var metadata in result.EndpointMetadata)
        {
            builder.WithMetadata(metadata);
        }
    }

    /// <summary>Runs a handler; a bad request becomes a 400 problem, any other exception a logged 500 problem.</summary>
    private static async Task Guard(HttpContext http, ApplicationContext context, ILogger logger, bool development, RequestDelegate handler)
    {
        if (context.State != ContextState.Running)
        {
            await Unavailable(http, context).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(http).ConfigureAwait(false);
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

    private static string Combine(string prefix, string template)
    {
        var left = prefix.Trim().TrimEnd('/');
        var right = template.Trim().TrimStart('/');
        var path = right.Length == 0 ? left : $"{left}/{right}";
        return path.StartsWith('/') ? path : "/" + path;
    }
}
