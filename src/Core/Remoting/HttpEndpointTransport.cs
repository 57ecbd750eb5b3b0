using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Sprig.Configuration;
using Sprig.Diagnostics;

namespace Sprig.Remoting;

/// <summary>
/// The built-in point-to-point transport: a component bound with <c>Sprig:Remotes:{namespace}:{component}:Url</c> is called at
/// that server's <c>POST /rpc/{namespace}/{component}/{endpoint}</c> (Sprig.Web's wire format): JSON in and out, NDJSON streams,
/// problem+json failures turned back into the exceptions a local call throws. Clients come from <see cref="IHttpClientFactory"/>
/// (named client <see cref="ClientName"/>): the application's when its container has one, else a private one.
/// </summary>
internal sealed class HttpEndpointTransport : IEndpointTransport, IDisposable
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the transport asks the factory for, so applications can configure it. An
    /// application's own configuration of it should keep <c>SocketsHttpHandler.MaxResponseDrainSize = 0</c>, as the private factory
    /// does, so that a caller that stops reading a stream closes the connection at once and the server's token fires.
    /// </summary>
    public const string ClientName = "Sprig.Remotes";

    /// <summary>
    /// Starts the last line of an NDJSON stream that failed after it started (the status is sent by then): the rest of the line is
    /// the failure as problem+json. No JSON value starts like this, so no item can be taken for a failure, nor a failure for an item.
    /// </summary>
    public const string StreamFailurePrefix = "error: ";

    /// <summary>The default deadline of a unary call: <c>Sprig:Remotes:RequestTimeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue NdJson = new("application/x-ndjson");
    private static readonly MediaTypeWithQualityHeaderValue Problem = new("application/problem+json");

    private readonly Lock _gate = new();

    // Bindings looked up once per component, forgotten when the configuration reloads: routing a call costs a dictionary lookup.
    private readonly ConcurrentDictionary<(string Namespace, string Component), string?> _urls = new();
    private readonly IConfiguration _configuration;
    private readonly IDisposable _reload;
    private IHttpClientFactory? _factory;
    private ServiceProvider? _ownFactory;

    public HttpEndpointTransport(IConfiguration configuration)
    {
        _configuration = configuration;
        _reload = ChangeToken.OnChange(configuration.GetReloadToken, _urls.Clear);
    }

    public string Name => "HTTP";

    /// <summary>Returns the base URL a component is bound to, or null.</summary>
    public static string? UrlOf(IConfiguration configuration, string @namespace, string component) =>
        ConfigurationKeys.Get(configuration, $"Sprig:Remotes:{@namespace}:{component}:Url");

    private string? Url(string @namespace, string component) =>
        _urls.GetOrAdd((@namespace, component), static (key, configuration) => UrlOf(configuration, key.Namespace, key.Component), _configuration);

    /// <summary>Uses the application's client factory instead of a private one.</summary>
    public void Use(IHttpClientFactory? factory)
    {
        if (factory is not null)
        {
            _factory = factory;
        }
    }

    public bool Carries(string componentNamespace, string component) => Url(componentNamespace, component) is not null;

    public async Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteCall);
        var timeout = Timeout();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var (url, via) = Target(remoteCall);
        try
        {
            using var response = await Send(remoteCall, url, via, Json, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return default;
            }

            if (IsStream(response))
            {
                throw new EndpointCallException(Errors.RemoteShapeMismatch(remoteCall.Address, via, streams: true), remoteCall.Address, 400, remoteCall.Component);
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: deadline.Token).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new EndpointCallException(Errors.RemoteTimedOut(remoteCall.Address, via, timeout, "Sprig:Remotes:RequestTimeout"), remoteCall.Address, 504, remoteCall.Component);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or JsonException)
        {
            throw Died(remoteCall, via, ex);
        }
    }

    public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteCall);
        var (url, via) = Target(remoteCall);
        using var response = await Send(remoteCall, url, via, NdJson, cancellationToken).ConfigureAwait(false);
        if (!IsStream(response))
        {
            throw new EndpointCallException(Errors.RemoteShapeMismatch(remoteCall.Address, via, streams: false), remoteCall.Address, 400, remoteCall.Component);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        while (true)
        {
            JsonElement item;
            try
            {
                // The chunked body's last chunk is the stream's end; a connection that breaks before it throws.
                if (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } line)
                {
                    yield break;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith(StreamFailurePrefix, StringComparison.Ordinal))
                {
                    throw Failed(remoteCall, via, line);
                }

                using var document = JsonDocument.Parse(line);
                item = document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                throw Died(remoteCall, via, ex);
            }

            yield return item;
        }
    }

    public void Dispose()
    {
        _reload.Dispose();
        _ownFactory?.Dispose();
    }

    private static bool IsStream(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "application/x-ndjson" or "text/event-stream";

    private static EndpointCallException Died(RemoteCall call, string via, Exception cause) =>
        new(Errors.RemoteDied(call.Address, via, cause.Message), call.Address, 502, call.Component, cause);

    /// <summary>Turns the failure line that ends a stream into the exception the endpoint's failure is (500 when it threw).</summary>
    private static EndpointCallException Failed(RemoteCall call, string via, string line) =>
        RemoteFailure.Parse(Encoding.UTF8.GetBytes(line[StreamFailurePrefix.Length..])) is { } failure
            ? failure.ToException(call, via)
            : new EndpointCallException(Errors.RemoteStreamFailureMalformed(call.Address, via, line), call.Address, 502, call.Component);

    private (string Url, string Via) Target(RemoteCall call)
    {
        var baseUrl = BaseUrl(call);
        return ($"{baseUrl.TrimEnd('/')}/rpc/{Uri.EscapeDataString(call.Namespace)}/{Uri.EscapeDataString(call.Component)}/{Uri.EscapeDataString(call.Endpoint)}",
            $"HTTP {baseUrl}");
    }

    private string BaseUrl(RemoteCall call) =>
        Url(call.Namespace, call.Component)
            ?? throw new EndpointCallException(Errors.NoTransport(call.Address), call.Address, 503, call.Component);

    private TimeSpan Timeout() =>
        ConfigurationKeys.Get(_configuration, "Sprig:Remotes:RequestTimeout") is { } text && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : DefaultTimeout;

    private async Task<HttpResponseMessage> Send(RemoteCall call, string url, string via, MediaTypeWithQualityHeaderValue accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Accept.Add(accept);
        request.Headers.Accept.Add(Problem);
        if (ServiceKeys.Current is { } key)
        {
            request.Headers.Add(ServiceKeys.Header, key);
        }

        if (call.Arguments.ValueKind != JsonValueKind.Undefined)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(call.Arguments, SprigJsonContext.Default.JsonElement));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new EndpointCallException(Errors.HttpNoServer(call, BaseUrl(call)), call.Address, 503, call.Component, ex) { NotStarted = true };
        }
        catch (HttpRequestException ex)
        {
            // The connection was made but broke before the answer's headers came back.
            throw Died(call, via, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var failure = RemoteFailure.Parse(bytes) ?? new RemoteFailure((int)response.StatusCode, response.ReasonPhrase ?? "", Errors.HttpNotSprig(url, (int)response.StatusCode, response.ReasonPhrase, call));
            throw failure.ToException(call, via);
        }
    }

    private HttpClient Client()
    {
        if (_factory is null)
        {
            lock (_gate)
            {
                if (_factory is null)
                {
                    var services = new ServiceCollection();
                    // A caller that stops reading a stream closes the connection at once, so the server's endpoint sees its
                    // token fire; SocketsHttpHandler would otherwise drain the rest for up to two seconds to reuse the connection.
                    services.AddHttpClient(ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxResponseDrainSize = 0 });
                    _ownFactory = services.BuildServiceProvider();
                    _factory = _ownFactory.GetRequiredService<IHttpClientFactory>();
                }
            }
        }

        var client = _factory.CreateClient(ClientName);
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return client;
    }
}
