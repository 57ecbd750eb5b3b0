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
        return http.Response.WriteAsJsonAsync(problem, WebJson.Default.ProblemDetails, "application/problem+json");
    }

    public static ProblemDetails Create(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = http.Request.Path };
        problem.Extensions["traceId"] = TraceId(http);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            // Lists as arrays: the build-time JSON metadata (WebJson) knows string[], not every list type.
            problem.Extensions[key] = value is not string && value is IEnumerable<string> strings ? strings.ToArray() : value;
        }

        return problem;
    }

    /// <summary>Writes a 503 with <c>Retry-After</c>: the context serves requests only while it is running.</summary>
    public static Task UnavailableAsync(HttpContext http, ApplicationContext context)
    {
        http.Response.Headers.RetryAfter = "5";
        return WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "The service is not running.",
            $"The application context is {context.State}; it serves requests only while it is Running.");
    }

    /// <summary>Writes a 504: ASP.NET Core's request timeouts middleware cancelled the request (<c>[RequestTimeout]</c> or its default policy).</summary>
    public static Task WriteTimeoutAsync(HttpContext http) =>
        WriteAsync(http, StatusCodes.Status504GatewayTimeout, "The request timed out.",
            $"{http.Request.Method} {http.Request.Path} did not finish within its request timeout ([RequestTimeout] or the request timeouts policy), and was cancelled.");

    /// <summary>Writes a 500; the environment is read once when the routes are mapped, never from a request's services.</summary>
    public static Task WriteUnhandledAsync(HttpContext http, Exception exception, bool development) =>
        WriteAsync(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred.", development ? exception.ToString() : Hidden(http));

    /// <summary>
    /// Describes an RPC endpoint's unhandled failure the way every transport does (<see cref="Hosting.SprigHosting.DescribeFailure"/>), so a
    /// remote caller reads the same status and text over HTTP and NATS: with details, "Endpoint '…' threw {type}: {message}" and the
    /// exception's type (never a stack trace: the log has it); without, only the trace id to quote. A nested call that found no
    /// server keeps its status (502, 503, 504).
    /// </summary>
    public static ProblemDetails EndpointFailure(HttpContext http, string address, Exception exception, bool details)
    {
        var failure = Hosting.SprigHosting.DescribeFailure(exception, address, details);
        var extensions = new Dictionary<string, object?>();
        if (failure.ExceptionType is { } type)
        {
            extensions["exceptionType"] = type;
        }

        if (failure.NotStarted)
        {
            // The endpoint never ran (its concurrency limit was full): the caller may try again, after Retry-After.
            extensions["notStarted"] = true;
        }

        if (failure.RetryAfterSeconds is { } seconds)
        {
            extensions["retryAfter"] = seconds;
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return failure.Status == StatusCodes.Status500InternalServerError
            ? Create(http, failure.Status, "An unexpected error occurred.", details ? failure.Detail : Hidden(http), extensions)
            : Create(http, failure.Status, failure.Title, failure.Detail, extensions);
    }

    public static string TraceId(HttpContext http) => Activity.Current?.Id ?? http.TraceIdentifier;

    private static string Hidden(HttpContext http) =>
        $"The server failed to process the request. Quote the trace id '{TraceId(http)}' when you report it; the log has the details.";
}
