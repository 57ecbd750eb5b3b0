using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Sprig.Web.Generated;

/// <summary>
/// Binds a parameter from a route value, a query string value or a header, with RequestDelegateFactory's rules and messages: a
/// missing value is the default of an optional parameter, else a 400; a value that does not parse (an empty one included, unless
/// the parameter is a string) is a 400.
/// </summary>
internal sealed class TextBinder<T>(BindingSource source, string key, string name, string typeName, ValueParser<T>? parse, bool optional, T defaultValue)
    : ParameterBinder<T>
{
    public override ValueTask<T> BindAsync(HttpContext http)
    {
        var text = source switch
        {
            BindingSource.Route => http.Request.RouteValues[key]?.ToString(),
            BindingSource.Query => (string?)http.Request.Query[key],
            _ => (string?)http.Request.Headers[key],
        };
        if (text is null)
        {
            return optional ? ValueTask.FromResult(defaultValue) : throw new BadHttpRequestException(WebErrors.NotProvided(typeName, name, source));
        }

        if (parse is null)
        {
            // A string parameter: the text itself (T is string).
            return ValueTask.FromResult((T)(object)text);
        }

        return parse(text, out var value)
            ? ValueTask.FromResult(value)
            : throw new BadHttpRequestException(WebErrors.BindingFailed(typeName, name, text));
    }
}
