using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sprig.Web.Generated;

/// <summary>
/// Binds a parameter from the JSON body through the application's metadata, with RequestDelegateFactory's rules and messages: a
/// body that is not JSON is a 415, malformed JSON a 400, and no body (or <c>null</c>) is a 400 unless the parameter is optional; a
/// body that cannot be read (the client went away) is answered with its status alone, logged at debug level.
/// </summary>
internal sealed class BodyBinder<T>(string name, string typeName, JsonTypeInfo<T> json, bool optional, bool inferred) : ParameterBinder<T>
{
    public override async ValueTask<T> BindAsync(HttpContext http)
    {
        T? value = default;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            if (!http.Request.HasJsonContentType())
            {
                throw new BadHttpRequestException(WebErrors.NotJson(http.Request.ContentType), StatusCodes.Status415UnsupportedMediaType);
            }

            try
            {
                // Without RequestAborted, as RequestDelegateFactory reads: a client that resets mid-body then ends the read with the
                // server's IOException (400, below), not a cancellation that would race it and leave the request unanswered.
                value = await http.Request.ReadFromJsonAsync(json).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new BadHttpRequestException(WebErrors.BadJson(typeName, name), ex);
            }
            catch (IOException ex)
            {
                // The client went away mid-body, or sent less than it announced: no failure of the action (RequestDelegateFactory's IOException).
                throw new UnreadableBodyException(ex);
            }
        }

        if (value is null && !optional)
        {
            throw new BadHttpRequestException(inferred ? WebErrors.NoImplicitBody(name) : WebErrors.NotProvided(typeName, name, BindingSource.Body));
        }

        return value!;
    }
}
