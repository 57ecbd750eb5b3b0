using System.ComponentModel;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web.Generated;

/// <summary>Binds one parameter of a generated action from a request: a route, query or header value, the JSON body, or a service.</summary>
/// <typeparam name="T">The parameter's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParameterBinder<T>
{
    private protected ParameterBinder()
    {
    }

    /// <summary>Reads the parameter's value from the request.</summary>
    /// <param name="http">The request.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BadHttpRequestException">The value is missing or malformed (answered as a 400, or 415 for a body that is not JSON).</exception>
    public abstract ValueTask<T> BindAsync(HttpContext http);
}
