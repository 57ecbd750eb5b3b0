using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;
using Sprig.Telemetry;

namespace Sprig.Remoting;

/// <summary>
/// A context's way out to other processes: the transports it found after refresh (the HTTP transport for components bound
/// with <c>Sprig:Remotes:{namespace}:{component}:Url</c> first, then every <see cref="IEndpointTransport"/> component), and the
/// one place every remote call goes through — contract proxies and catalog calls of addresses no local component serves.
/// </summary>
internal sealed class RemoteEndpoints(IConfiguration configuration, Governance.Governor governor) : IContractCalls, IDisposable
{
    private readonly HttpEndpointTransport _http = new(configuration);
    private Lazy<IEndpointTransport[]>? _transports;
    private volatile bool _disposed;

    /// <summary>Gets the built-in HTTP transport (disposed with the context).</summary>
    public HttpEndpointTransport Http => _http;

    /// <summary>Tells whether any transport could carry calls to a component, judged from configuration and registrations before anything is created.</summary>
    public static bool MayCarry(IConfiguration configuration, bool transportRegistered, string @namespace, string component) =>
        transportRegistered || HttpEndpointTransport.UrlOf(configuration, @namespace, component) is not null;

    /// <summary>Uses the transports <paramref name="find"/> returns; it is called once, on the first remote call.</summary>
    public void Use(Func<IEnumerable<IEndpointTransport>> find) =>
        _transports = new Lazy<IEndpointTransport[]>(() => [_http, .. find()], LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Returns the transport that carries calls to a component, or null.</summary>
    /// <exception cref="EndpointCallException">The context has shut down (503).</exception>
    public IEndpointTransport? For(string @namespace, string component)
    {
        if (_disposed)
        {
            throw new EndpointCallException(Errors.RemoteAfterShutdown($"{@namespace}/{component}"), $"{@namespace}/{component}", 503, component);
        }

        foreach (var transport in _transports?.Value ?? [_http])
        {
            if (transport.Carries(@namespace, component))
            {
                return transport;
            }
        }

        return null;
    }

    /// <summary>Splits an address into its three parts, or returns null when it is not "{namespace}/{component}/{endpoint}".</summary>
    public static (string Namespace, string Component, string Endpoint)? Parse(string address)
    {
        var parts = address.Split('/');
        return parts.Length == 3 && parts.All(p => p.Length > 0) ? (parts[0], parts[1], parts[2]) : null;
    }

    // Traced as the calling side of the call, around governance (its retries are events of the one client span); the
    // transport carries the activity's trace context to the serving process.
    public Task<JsonElement> InvokeAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        var transport = Transport(call);
        return SprigTelemetry.Enabled ? Traced(transport, call, cancellationToken) : GovernedAsync(transport, call, cancellationToken);
    }

    private Task<JsonElement> GovernedAsync(IEndpointTransport transport, RemoteCall call, CancellationToken cancellationToken) =>
        governor.InvokeAsync(call.Address, remote: true, call.Idempotent, call.Arguments, (Transport: transport, Call: call),
            static (s, token) => s.Transport.InvokeAsync(s.Call, token), cancellationToken);

    // A method of its own: the lambda's captures are allocated only when somebody listens.
    private Task<JsonElement> Traced(IEndpointTransport transport, RemoteCall call, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => GovernedAsync(transport, call, cancellationToken), ActivityKind.Client, call.Address, NameOf(transport));

    public IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        var transport = Transport(call);
        return SprigTelemetry.Enabled ? TracedStream(transport, call, cancellationToken) : Governed(transport, call, cancellationToken);
    }

    private IAsyncEnumerable<JsonElement> Governed(IEndpointTransport transport, RemoteCall call, CancellationToken cancellationToken) =>
        governor.StreamAsync(call.Address, remote: true, call.Idempotent, call.Arguments, (Transport: transport, Call: call),
            static (s, token) => s.Transport.StreamAsync(s.Call, token), cancellationToken);

    private IAsyncEnumerable<JsonElement> TracedStream(IEndpointTransport transport, RemoteCall call, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => Governed(transport, call, cancellationToken), ActivityKind.Client, call.Address, NameOf(transport), cancellationToken: cancellationToken);

    /// <summary>Names a transport for <c>sprig.transport</c>: <c>http</c>, <c>nats</c>, or the class name without "Transport", lower case.</summary>
    private static string NameOf(IEndpointTransport transport) => transport switch
    {
        HttpEndpointTransport => "http",
        _ => transport.GetType().Name.Replace("EndpointTransport", "", StringComparison.Ordinal).Replace("Transport", "", StringComparison.Ordinal).ToLowerInvariant(),
    };

    public void Dispose()
    {
        _disposed = true;
        _http.Dispose();
    }

    private IEndpointTransport Transport(RemoteCall call) =>
        For(call.Namespace, call.Component)
            ?? throw new EndpointCallException(Errors.NoTransport(call.Address), call.Address, 503, call.Component);
}
