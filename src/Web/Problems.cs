using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web;

/// <summary>Writes <c>application/problem+json</c> answers, with the trace id; exception details only in Development.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = http.Request.Path };
        problem.Extensions["traceId"] = TraceId(http);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>Writes a 500; the environment is read once when the routes are mapped, never from a request's services.</summary>
    public static Task WriteUnhandledAsync(HttpContext http, Exception exception, bool development)
    {
        var detail = development
            ? exception.ToString()
            : $"The server failed to process the request. Quote the trace id '{TraceId(http)}' when you report it; the log has the details.";
        return WriteAsync(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred.", detail);
    }

    public static string TraceId(HttpContext http) => Activity.Current?.Id ?? http.TraceIdentifier;
}
