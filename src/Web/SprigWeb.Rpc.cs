using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sprig.Web;

/// <summary>The RPC endpoints: <c>POST /rpc/{namespace}/{component}/{endpoint}</c> and the catalog at <c>GET /rpc</c>.</summary>
public static partial class SprigWeb
{
    /// <summary>The default limit of an RPC request body: 4 MiB, like gRPC's default message size.</summary>
    public const long DefaultMaxRequestBodySize = 4 * 1024 * 1024;

    /// <summary>Maps the RPC routes; <paramref name="details"/> says whether a 500 carries the exception's type and message.</summary>
    private static void MapRpc(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, bool details)
    {
        var maxBody = context.Configuration.GetValue<long?>("Sprig:Web:MaxRequestBodySize") ?? DefaultMaxRequestBodySize;
        endpoints.MapGet("/rpc", () => Results.Json(context.Endpoints.Select(e => new RpcCatalogEntry(e.Namespace, e.Component, e.Name, e.IsStreaming, "/rpc/" + e.Address))));
        endpoints.MapPost("/rpc/{namespace}/{component}/{endpoint}", (RequestDelegate)(http => HandleRpc(http, context, logger, maxBody, details)));
        // Anything else under /rpc is answered as problem+json too: an unknown path (404) or a method other than POST (405).
        endpoints.Map("/rpc/{**rest}", (RequestDelegate)(http => Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such RPC endpoint.",
            $"'{http.Request.Path}' is not an RPC address: call POST /rpc/{{namespace}}/{{component}}/{{endpoint}}; GET /rpc lists them."))).WithOrder(1000);
        endpoints.MapMethods("/rpc/{namespace}/{component}/{endpoint}", ["GET", "PUT", "DELETE", "PATCH"], (RequestDelegate)(http =>
        {
            http.Response.Headers.Allow = "POST";
            return Problems.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "RPC endpoints are called with POST.",
                $"Call {http.Request.Path} with POST and a JSON body.");
        }));
    }

    private static async Task HandleRpc(HttpContext http, ApplicationContext context, ILogger logger, long maxBody, bool details)
    {
        var started = Stopwatch.GetTimestamp();
        var values = http.Request.RouteValues;
        var address = $"{values["namespace"]}/{values["component"]}/{values["endpoint"]}";
        if (context.State != ContextState.Running)
        {
            await Unavailable(http, context).ConfigureAwait(false);
            return;
        }

        try
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                // Kestrel enforces the same limit (it would otherwise apply its own, 30 MB by default).
                limit.MaxRequestBodySize = maxBody;
            }

            await DispatchRpc(http, context, address, maxBody, logger, details).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the endpoint saw its CancellationToken fire.
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await Problems.WriteAsync(http, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is not valid.",
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(address, maxBody) : ex.Message).ConfigureAwait(false);
        }
        catch (EndpointNotFoundException ex) when (!http.Response.HasStarted && IsThisCall(ex.Address, address))
        {
            await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such RPC endpoint.", ex.Message,
                new Dictionary<string, object?> { ["suggestions"] = ex.Suggestions }).ConfigureAwait(false);
        }
        catch (EndpointBindingException ex) when (!http.Response.HasStarted && IsThisCall(ex.Address, address))
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "The request body does not fit the endpoint.", ex.Message,
                new Dictionary<string, object?> { ["parameter"] = ex.ParameterName, ["path"] = ex.JsonPath }).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            Log.Failed(logger, address, Problems.TraceId(http), ex);
            await Problems.WriteAsync(http, Problems.EndpointFailure(http, address, ex, details)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Writing the answer failed after its status was sent: the connection is closed to signal it.
            Log.StreamFailed(logger, address, Problems.TraceId(http), ex);
            http.Abort();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Answered(logger, address, http.Response.StatusCode, elapsed);
        }
    }

    // A binding or not-found error raised by a nested in-process call (an endpoint calling another) is the server's own
    // failure, not the client's: only errors about this request's address become 400 or 404.
    private static bool IsThisCall(string? failed, string requested) => string.Equals(failed, requested, StringComparison.OrdinalIgnoreCase);

    private static string TooLarge(string address, long maxBody) =>
        $"The body of a call to '{address}' may be at most {maxBody} bytes (Sprig:Web:MaxRequestBodySize). Send less, or raise the limit.";

    private static Task Unavailable(HttpContext http, ApplicationContext context)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problems.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "The service is not running.",
            $"The application context is {context.State}; it serves requests only while it is Running.");
    }

    private static async Task DispatchRpc(HttpContext http, ApplicationContext context, string address, long maxBody, ILogger logger, bool details)
    {
        var endpoint = context.Endpoints.Find(address);
        if (endpoint is null)
        {
            // Only this process's endpoints are served: an address served elsewhere is not forwarded. The error names close addresses.
            throw Catalog(context).NotFound(address);
        }

        if (await ReadBody(http, maxBody).ConfigureAwait(false) is not { } body)
        {
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", TooLarge(address, maxBody)).ConfigureAwait(false);
            return;
        }

        JsonDocument? document;
        try
        {
            document = body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw EndpointBindingException.MalformedJson(endpoint, ex);
        }

        using (document)
        {
            await Answer(http, context, endpoint, document?.RootElement ?? default, logger, details).ConfigureAwait(false);
        }
    }

    private static async Task Answer(HttpContext http, ApplicationContext context, EndpointDescriptor endpoint, JsonElement arguments, ILogger logger, bool details)
    {
        var address = endpoint.Address;
        if (endpoint.IsStreaming)
        {
            await Stream(http, context, address, arguments, logger, details).ConfigureAwait(false);
            return;
        }

        var result = await Catalog(context).InvokeAsync(address, arguments, () => RequestScope(http, context), http.RequestAborted).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Undefined)
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            result.WriteTo(writer);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams an endpoint's items, one a line (NDJSON) or one an event (SSE), flushing each. A failure after the status went
    /// out ends the answer with a failure the client can tell from an item: an NDJSON line starting with
    /// <see cref="Remoting.HttpEndpointTransport.StreamFailurePrefix"/>, or an SSE <c>event: error</c>, followed by the problem
    /// as JSON; the answer then ends normally, so that the failure line is never lost with the connection.
    /// </summary>
    private static async Task Stream(HttpContext http, ApplicationContext context, string address, JsonElement arguments, ILogger logger, bool details)
    {
        var sse = http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        await using var items = Catalog(context).StreamAsync(address, arguments, () => RequestScope(http, context), http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);

        // The first item is awaited before the status goes out, so that a binding error is still a 400.
        var more = await items.MoveNextAsync().ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = sse ? "text/event-stream" : "application/x-ndjson";
        http.Response.Headers.CacheControl = "no-cache";
        while (more)
        {
            var line = sse ? $"data: {items.Current.GetRawText()}\n\n" : items.Current.GetRawText() + "\n";
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            try
            {
                more = await items.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                Log.StreamFailed(logger, address, Problems.TraceId(http), ex);
                var problem = JsonSerializer.Serialize(Problems.EndpointFailure(http, address, ex, details), JsonSerializerOptions.Web);
                var failure = sse ? $"event: error\ndata: {problem}\n\n" : Remoting.HttpEndpointTransport.StreamFailurePrefix + problem + "\n";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(failure), http.RequestAborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                return;
            }
        }
    }

    private static Endpoints.EndpointCatalog Catalog(ApplicationContext context) => context.EndpointsCore;

    // The call runs in the HTTP request's scope: one set of Request components per request, disposed at its end.
    private static Lifetime.RequestScope? RequestScope(HttpContext http, ApplicationContext context) =>
        RequestScopes.For(http, context) as Lifetime.RequestScope;

    /// <summary>Reads the body, or returns null when it is over the limit.</summary>
    private static async Task<byte[]?> ReadBody(HttpContext http, long maxBody)
    {
        if (http.Request.ContentLength > maxBody)
        {
            return null;
        }

        using var buffer = http.Request.ContentLength is { } length ? new MemoryStream((int)length) : new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed record RpcCatalogEntry(string Namespace, string Component, string Endpoint, bool Streaming, string Path);
}
