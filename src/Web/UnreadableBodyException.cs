using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sprig.Web;

/// <summary>
/// The request body of a generated controller action or of an RPC call could not be read: the client went away or sent less than
/// it announced (the server's <see cref="IOException"/>; for an action a <see cref="BadHttpRequestException"/> among them). As
/// RequestDelegateFactory does, the route then answers its status alone (<see cref="Answer"/>), logged at debug level, never as a
/// failure of the action or endpoint.
/// </summary>
internal sealed class UnreadableBodyException(IOException inner)
    : Exception("Reading the request body failed with an IOException.", inner)
{
    /// <summary>Gets the status to answer: the server's own for a bad request (413 for a body over its limit ...), else 400.</summary>
    public int StatusCode { get; } = inner is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;

    /// <summary>Answers the request with <see cref="StatusCode"/> alone (the client is most likely gone) and logs it at debug level.</summary>
    public void Answer(HttpContext http, ILogger logger)
    {
        Log.BodyUnreadable(logger, http.Request.Method, http.Request.Path, InnerException!);
        http.Response.StatusCode = StatusCode;
    }
}
