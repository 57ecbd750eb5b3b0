namespace Sprig.Web.Generated;

/// <summary>
/// The request body of a generated action or of an RPC call could not be read: the client went away or sent less than it announced
/// (the server's <see cref="IOException"/>; for an action a <see cref="Microsoft.AspNetCore.Http.BadHttpRequestException"/> among
/// them). As RequestDelegateFactory does, <c>MapSprig</c>'s guard then logs it at debug level and answers its status alone, never
/// as a failure of the action or endpoint.
/// </summary>
internal sealed class UnreadableBodyException(IOException inner)
    : Exception("Reading the request body failed with an IOException.", inner)
{
    /// <summary>Gets the status to answer: the server's own for a bad request (413 for a body over its limit ...), else 400.</summary>
    public int StatusCode { get; } = inner is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
}
