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
    private static void MapControllers(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger)
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
                    MapAction(endpoints, context, logger, type, method, route, Combine(controller.Url, route.Template));
                }
            }
        }
    }

    private static void MapAction(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, Type controller, MethodInfo method, HttpRouteAttribute route, string template)
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
        var builder = endpoints.Map(pattern, http => Guard(http, logger, () => handler(http)));
        builder.WithMetadata(new HttpMethodMetadata([route.Method]));
        builder.WithDisplayName($"{route.Method} {template} -> {controller.Name}.{method.Name}");
        foreach (var metadata in result.EndpointMetadata)
        {
            builder.WithMetadata(metadata);
        }
    }

    /// <summary>Runs a handler; a bad request becomes a 400 problem, any other exception a logged 500 problem.</summary>
    private static async Task Guard(HttpContext http, ILogger logger, Func<Task> handler)
    {
        try
        {
            await handler().ConfigureAwait(false);
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
            logger.LogError(ex, "Request {Method} {Path} failed (trace id {TraceId})", http.Request.Method, http.Request.Path, Problems.TraceId(http));
            await Problems.WriteUnhandledAsync(http, ex).ConfigureAwait(false);
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
