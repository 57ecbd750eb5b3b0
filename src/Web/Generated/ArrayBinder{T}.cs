using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Sprig.Web.Generated;

/// <summary>
/// Binds an array parameter from every value of a query string key or a header (split at commas, as RequestDelegateFactory reads
/// a header into an array), with RequestDelegateFactory's rules: no value is an empty array; an element that does not parse is a
/// 400 naming it; an empty element of a nullable element type stays default.
/// </summary>
internal sealed class ArrayBinder<T>(BindingSource source, string key, string name, string typeName, ValueParser<T>? parse, bool optionalElements)
    : ParameterBinder<T[]>
{
    public override ValueTask<T[]> BindAsync(HttpContext http)
    {
        var values = source == BindingSource.Header ? new StringValues(http.Request.Headers.GetCommaSeparatedValues(key)) : http.Request.Query[key];
        if (parse is null)
        {
            // A string[] (T is string).
            return ValueTask.FromResult((T[])(object)values.ToArray());
        }

        var result = new T[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var text = values[i] ?? "";
            if (text.Length == 0 && optionalElements)
            {
                continue;
            }

            if (!parse(text, out result[i]))
            {
                throw new BadHttpRequestException(WebErrors.BindingFailed(typeName, name, text));
            }
        }

        return ValueTask.FromResult(result);
    }
}
