using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web;

/// <summary>Writes <c>application/problem+json</c> answers, with the trace id; exception details only in Development.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        WriteAsync(http, Create(http, status, title, detail, extensions));

    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static ProblemDetails Create(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = http.Request.Path };
        problem.Extensions["traceId"] = TraceId(http);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>Writes a 500; the environment is read once when the routes are mapped, never from a request's services.</summary>
    public static Task WriteUnhandledAsync(HttpContext http, Exception exception, bool development) =>
        WriteAsync(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred.", development ? exception.ToString() : Hidden(http));

    /// <summary>
    /// Describes an RPC endpoint's unhandled failure (a 500) the way every transport does, so that a remote caller's exception
    /// reads the same over HTTP and NATS: with details, "Endpoint '…' threw {type}: {message}" and the exception's type (never a
    /// stack trace: the log has it); without, only the trace id to quote.
    /// </summary>
    public static ProblemDetails EndpointFailure(HttpContext http, string address, Exception exception, bool details) => details
        ? Create(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred.", Diagnostics.Errors.RemoteThrew(address, exception),
            new Dictionary<string, object?> { ["exceptionType"] = exception.GetType().FullName })
        : Create(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred.", Hidden(http));

    public static string TraceId(HttpContext http) => Activity.Current?.Id ?? http.TraceIdentifier;

    private static string Hidden(HttpContext http) =>
        $"The server failed to process the request. Quote the trace id '{TraceId(http)}' when you report it; the log has the details.";
}
