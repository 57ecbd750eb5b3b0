using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Hosting;
using Sprig.Web.Routing;

namespace Sprig.Web;

/// <summary>The RPC endpoints: <c>POST /rpc/{namespace}/{component}/{endpoint}</c> and the catalog at <c>GET /rpc</c>.</summary>
public static partial class SprigWeb
{
    /// <summary>The default limit of an RPC request body: 4 MiB, like gRPC's default message size.</summary>
    public const long DefaultMaxRequestBodySize = 4 * 1024 * 1024;

    /// <summary>Reads <c>Sprig:Web:MaxRequestBodySize</c> (bytes), or null when unset.</summary>
    /// <exception cref="ConfigurationBindingException">The value is not a whole number of bytes.</exception>
    private static long? MaxRequestBodySize(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        const string Key = "Sprig:Web:MaxRequestBodySize";
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : throw new ConfigurationBindingException(
                $"Configuration key '{Key}' is '{text}', which is not a number of bytes. Set it to a positive whole number (e.g. 4194304 for 4 MiB), or remove it for the default of {DefaultMaxRequestBodySize}.");
    }

    /// <summary>
    /// Maps the RPC routes: one POST route per endpoint, carrying the component class's and the method's attributes as metadata
    /// (so <c>[Authorize]</c>, <c>[AllowAnonymous]</c>, <c>[RequestTimeout]</c>, <c>[RequestSizeLimit]</c>, <c>[Tags]</c> apply
    /// through ASP.NET Core's own middleware), and problem answers for every other path and verb under <c>/rpc</c>.
    /// <paramref name="details"/> says whether a 500 carries the exception's type and message.
    /// </summary>
    private static void MapRpc(IEndpointRouteBuilder endpoints, ApplicationContext context, ILogger logger, bool details)
    {
        var maxBody = MaxRequestBodySize(context.Configuration) ?? DefaultMaxRequestBodySize;
        endpoints.MapGet("/rpc", (RequestDelegate)RpcCatalog.WriteAsync).WithDisplayName("Sprig RPC catalog").ExcludeFromDescription();
        // The class of each component by name, the first of a name as the context resolves it.
        var classes = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var component in context.Components)
        {
            classes.TryAdd(component.Name, component.Type);
        }

        foreach (var endpoint in context.Endpoints)
        {
            var descriptor = endpoint;
            var component = ComponentType(classes, descriptor);
            var builder = endpoints.MapMethods(RpcPath(descriptor), [HttpMethods.Post], (RequestDelegate)(http => HandleRpc(http, context, descriptor, logger, maxBody, details)));
            builder.WithDisplayName($"RPC {descriptor.Address}");
            builder.Add(route =>
            {
                route.Metadata.Add(new RpcEndpointMetadata(descriptor, component));
                route.Metadata.Add(new TagsAttribute(descriptor.Component));
                foreach (var attribute in RouteMetadata.Of(component, descriptor.Method, descriptor.Contracts))
                {
                    route.Metadata.Add(attribute);
                }
            });
        }

        // Any other address is answered as problem+json: an address nobody here serves (404, with close addresses), another
        // path (404), or a method other than POST (405 with Allow).
        endpoints.MapPost("/rpc/{namespace}/{component}/{endpoint}", (RequestDelegate)(http => NoSuchEndpoint(http, context)))
            .WithDisplayName("Sprig RPC: unknown endpoint").ExcludeFromDescription();
        endpoints.Map("/rpc/{**rest}", (RequestDelegate)(http => Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such RPC endpoint.",
            $"'{http.Request.Path}' is not an RPC address: call POST /rpc/{{namespace}}/{{component}}/{{endpoint}}; GET /rpc lists them.")))
            .WithOrder(1000).WithDisplayName("Sprig RPC: unknown path").ExcludeFromDescription();
        endpoints.MapMethods("/rpc/{namespace}/{component}/{endpoint}", ["GET", "HEAD", "PUT", "DELETE", "PATCH"], (RequestDelegate)(http =>
        {
            http.Response.Headers.Allow = "POST";
            return Problems.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "RPC endpoints are called with POST.",
                $"Call {http.Request.Path} with POST and a JSON body.");
        })).WithDisplayName("Sprig RPC: wrong method").ExcludeFromDescription();
    }

    /// <summary>Gets an endpoint's route: <c>/rpc/{namespace}/{component}/{endpoint}</c>, every part a literal (braces escaped).</summary>
    /// <exception cref="ContainerException">A part of the address contains '?', which a URL path cannot carry.</exception>
    private static string RpcPath(EndpointDescriptor endpoint) =>
        endpoint.Address.Contains('?', StringComparison.Ordinal)
            ? throw new ContainerException(WebErrors.UnroutableEndpoint(endpoint), endpoint.Component, null)
            : $"/rpc/{Literal(endpoint.Namespace)}/{Literal(endpoint.Component)}/{Literal(endpoint.Name)}";

    private static string Literal(string part) => part.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static async Task NoSuchEndpoint(HttpContext http, ApplicationContext context)
    {
        var values = http.Request.RouteValues;
        var address = $"{values["namespace"]}/{values["component"]}/{values["endpoint"]}";
        if (context.State != ContextState.Running)
        {
            await Problems.UnavailableAsync(http, context).ConfigureAwait(false);
            return;
        }

        // Only this process's endpoints are served: an address served elsewhere is not forwarded. The error names close
        // addresses, among those the caller may call only, so that it never reveals what the catalog hides.
        var visible = (await RpcCatalog.VisibleAsync(http).ConfigureAwait(false)).Select(e => e.Address).ToHashSet(StringComparer.Ordinal);
        var ex = context.Endpoints.NotFound(address, visible.Contains);
        await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such RPC endpoint.", ex.Message,
            new Dictionary<string, object?> { ["suggestions"] = ex.Suggestions }).ConfigureAwait(false);
    }

    private static async Task HandleRpc(HttpContext http, ApplicationContext context, EndpointDescriptor endpoint, ILogger logger, long maxBody, bool details)
    {
        var started = Stopwatch.GetTimestamp();
        var address = endpoint.Address;
        if (context.State != ContextState.Running)
        {
            await Problems.UnavailableAsync(http, context).ConfigureAwait(false);
            return;
        }

        var limit = BodyLimit.Of(http, maxBody);
        try
        {
            if (await BodyLimit.ApplyAsync(http, limit, () => TooLarge(http, address, limit)).ConfigureAwait(false))
            {
                await DispatchRpc(http, context, endpoint, logger, details).ConfigureAwait(false);
            }
        }
        catch (RequestBodyTooLargeException)
        {
            await BodyLimit.RejectAsync(http, TooLarge(http, address, limit)).ConfigureAwait(false);
        }
        catch (UnreadableBodyException ex) when (!http.Response.HasStarted)
        {
            // The client went away mid-body: the status alone, logged at debug level, as for a controller action.
            ex.Answer(http, logger);
        }
        catch (OperationCanceledException) when (TimedOut(http) && !http.Response.HasStarted)
        {
            await Problems.WriteTimeoutAsync(http).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the endpoint saw its CancellationToken fire.
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await Problems.WriteAsync(http, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is not valid.",
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(http, address, limit) : ex.Message).ConfigureAwait(false);
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

    /// <summary>Whether ASP.NET Core's request timeouts middleware cancelled the request (<c>[RequestTimeout]</c>), as opposed to the client leaving.</summary>
    private static bool TimedOut(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

    // A binding or not-found error raised by a nested in-process call (an endpoint calling another) is the server's own
    // failure, not the client's: only errors about this request's address become 400 or 404.
    private static bool IsThisCall(string? failed, string requested) => string.Equals(failed, requested, StringComparison.OrdinalIgnoreCase);

    private static string TooLarge(HttpContext http, string address, long? limit) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null
            ? $"The body of a call to '{address}' may be at most {limit} bytes (Sprig:Web:MaxRequestBodySize). Send less, or raise the limit."
            : $"The body of a call to '{address}' may be at most {limit} bytes (the endpoint's request size limit). Send less, or raise the limit.";

    private static async Task DispatchRpc(HttpContext http, ApplicationContext context, EndpointDescriptor endpoint, ILogger logger, bool details)
    {
        var body = await ReadBody(http).ConfigureAwait(false);
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
        // The caller's pick among the implementations served under service keys; none splits calls by weight.
        using var key = http.Request.Headers.TryGetValue(ServiceKeys.Header, out var picked) && picked.Count > 0 ? ServiceKeys.Use(picked[0]) : null;
        if (endpoint.IsStreaming)
        {
            await Stream(http, context, address, arguments, logger, details).ConfigureAwait(false);
            return;
        }

        var result = await context.Endpoints.InvokeAsync(Invocation(http, context, address, arguments), http.RequestAborted).ConfigureAwait(false);
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
    /// <see cref="SprigHosting.StreamFailurePrefix"/>, or an SSE <c>event: error</c>, followed by the problem
    /// as JSON; the answer then ends normally, so that the failure line is never lost with the connection.
    /// </summary>
    private static async Task Stream(HttpContext http, ApplicationContext context, string address, JsonElement arguments, ILogger logger, bool details)
    {
        var sse = http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        await using var items = context.Endpoints.StreamAsync(Invocation(http, context, address, arguments), http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);

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
                var problem = JsonSerializer.Serialize(Problems.EndpointFailure(http, address, ex, details), WebJson.Default.ProblemDetails);
                var failure = sse ? $"event: error\ndata: {problem}\n\n" : SprigHosting.StreamFailurePrefix + problem + "\n";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(failure), http.RequestAborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>
    /// The call as the catalog serves it: in the HTTP request's scope (one set of Request components per request, disposed at
    /// its end), under the caller's trace context, over transport "http".
    /// </summary>
    private static EndpointInvocation Invocation(HttpContext http, ApplicationContext context, string address, JsonElement arguments) =>
        new(address, arguments) { RequestServices = () => RequestScopes.For(http, context), Parent = TraceParent(http), Transport = "http" };

    /// <summary>
    /// The caller's W3C trace context: ASP.NET Core's request activity already continues it when there is one; otherwise it is
    /// read from the request's <c>traceparent</c> and <c>tracestate</c> headers.
    /// </summary>
    private static ActivityContext TraceParent(HttpContext http) =>
        Activity.Current is null
        && http.Request.Headers.TraceParent.FirstOrDefault() is { } traceParent
        && ActivityContext.TryParse(traceParent, http.Request.Headers.TraceState.FirstOrDefault(), isRemote: true, out var parent)
            ? parent
            : default;

    /// <summary>Reads the body; past the limit, the body stream throws <see cref="RequestBodyTooLargeException"/>.</summary>
    private static async Task<byte[]> ReadBody(HttpContext http)
    {
        // Sized from Content-Length up to 1 MiB: a client's announcement alone never makes the server allocate more.
        using var buffer = http.Request.ContentLength is { } length ? new MemoryStream((int)Math.Min(length, 1024 * 1024)) : new MemoryStream();
        try
        {
            // Without RequestAborted: a client that resets mid-body then ends the copy with the server's IOException (a bare 400,
            // below), not a cancellation that would race it and leave the request unanswered.
            await http.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            // The client reset the connection mid-body: not a failure of the endpoint (a BadHttpRequestException, such as a body
            // shorter than announced, is still answered with a problem).
            throw new UnreadableBodyException(ex);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Finds the class of an endpoint's component by name (the implementation, or the registered instance's class); an address
    /// served under service keys is named after its contract, and its first implementation's class stands for it.
    /// </summary>
    private static Type ComponentType(Dictionary<string, Type> classes, EndpointDescriptor endpoint) =>
        endpoint.ServiceKey is null && classes.TryGetValue(endpoint.Component, out var type)
            ? type
            : endpoint.Method.ReflectedType ?? endpoint.Method.DeclaringType!;
}
