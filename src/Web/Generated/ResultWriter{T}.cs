using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web.Generated;

/// <summary>
/// Writes a generated action's result as RequestDelegateFactory does: an <see cref="IResult"/> executes, a string is
/// <c>text/plain</c>, anything else is JSON through the application's metadata (of the runtime type when it has some and the
/// declared type is open to others, as minimal APIs do).
/// </summary>
/// <typeparam name="T">The declared result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResultWriter<T>
{
    private readonly JsonTypeInfo<T>? _declared;
    private readonly JsonSerializerOptions _json;

    internal ResultWriter(JsonTypeInfo<T>? declared, JsonSerializerOptions json)
    {
        _declared = declared;
        _json = json;
    }

    /// <summary>Writes <paramref name="value"/> as the answer.</summary>
    /// <param name="http">The request.</param>
    /// <param name="value">The action's result.</param>
    /// <returns>The work of writing.</returns>
    public Task WriteAsync(HttpContext http, T value)
    {
        switch (value)
        {
            case IResult result:
                return result.ExecuteAsync(http);
            case string text:
                return ActionResults.Text(http, text);
            case null when _declared is null:
                http.Response.ContentType = "application/json; charset=utf-8";
                return http.Response.WriteAsync("null", http.RequestAborted);
        }

        var runtime = value?.GetType();
        if (_declared is not null && (runtime is null || runtime == typeof(T) || typeof(T).IsSealed || typeof(T).IsValueType || _declared.PolymorphismOptions is not null))
        {
            return http.Response.WriteAsJsonAsync(value, _declared, contentType: null, http.RequestAborted);
        }

        if (runtime is not null && _json.TryGetTypeInfo(runtime, out var info))
        {
            return http.Response.WriteAsJsonAsync(value, info, contentType: null, http.RequestAborted);
        }

        return _declared is not null
            ? http.Response.WriteAsJsonAsync(value, _declared, contentType: null, http.RequestAborted)
            : throw new NotSupportedException(WebErrors.NoRuntimeJsonMetadata(http.GetEndpoint()?.DisplayName, runtime!));
    }
}
