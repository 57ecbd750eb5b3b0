using System.ComponentModel;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web.Generated;

/// <summary>Writes the results of generated actions that need no JSON metadata, as minimal APIs do. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ActionResults
{
    /// <summary>Writes a string result as <c>text/plain; charset=utf-8</c>.</summary>
    /// <param name="http">The request.</param>
    /// <param name="text">The text.</param>
    /// <returns>The work of writing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null: a 500, as RequestDelegateFactory answers a null string.</exception>
    public static Task Text(HttpContext http, string? text)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(text);
        http.Response.ContentType ??= "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }

    /// <summary>Executes an <see cref="IResult"/> result.</summary>
    /// <param name="http">The request.</param>
    /// <param name="result">The result; null is an error, as in minimal APIs.</param>
    /// <returns>The work of executing it.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="result"/> is null.</exception>
    public static Task Execute(HttpContext http, IResult? result) =>
        (result ?? throw new InvalidOperationException("The IResult returned by the Delegate must not be null.")).ExecuteAsync(http);
}
