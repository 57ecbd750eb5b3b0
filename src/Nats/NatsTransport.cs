using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Client;
using Sprig.Nats.Configuration;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Server;
using Sprig.Hosting;
using Sprig.Remoting;

namespace Sprig.Nats;

/// <summary>
/// Calls and serves endpoints between processes over NATS. It is a component of every application that references Sprig.Nats
/// and sets <c>Sprig:Nats:Url</c>; the context then sends calls to endpoints it does not serve itself through it, and serves its
/// own endpoints at <c>sprig.{namespace}.{component}.{endpoint}</c> (one NATS micro service per component, queue group "q",
/// so that several processes share the calls). See <see cref="NatsTransportOptions"/> for the settings.
/// </summary>
/// <example>
/// <code>
/// // appsettings.json: { "Sprig": { "Nats": { "Url": "nats://127.0.0.1:4222" } } }
/// using var context = new ApplicationContext();
/// context.Refresh();                                  // connects, and serves this process's endpoints
/// var sum = await context.Endpoints.InvokeAsync("default/Calculator/add", JsonSerializer.SerializeToElement(new { a = 1, b = 2 }));
/// </code>
/// </example>
[Component("SprigNatsTransport")]
[ConditionalOnNatsUrl]
public sealed class NatsTransport : IEndpointTransport, IEndpointServer, IServedEndpoints, IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly IConfiguration _configuration;
    private readonly ILogger _logger;
    private readonly PermissionViolations _violations = new();
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private RemoteInvoker? _invoker;
    private CallMux? _mux;
    private EndpointHost? _host;
    private int _disposed;

    /// <summary>Initializes the transport from the configuration section <c>Sprig:Nats</c>; it connects when the context starts.</summary>
    /// <param name="configuration">The context's configuration.</param>
    /// <param name="loggerFactory">Creates the transport's and the NATS client's loggers.</param>
    /// <exception cref="ContainerException">A setting is missing or invalid; the message names the key, the value and the fix.</exception>
    public NatsTransport(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _configuration = configuration;
        Options = NatsOptionsReader.Read(configuration);
        _logger = loggerFactory.CreateLogger<NatsTransport>();
        _connection = NatsConnector.Create(Options, loggerFactory, _violations);
        // Messages reach callers in other processes and logs: a password or token in the URL never does.
        Name = $"NATS {NatsConnector.Redact(Options.Url)}";
    }

    /// <summary>Gets the settings read from <c>Sprig:Nats</c>.</summary>
    public NatsTransportOptions Options { get; }

    /// <summary>Gets the transport's name for messages: "NATS nats://127.0.0.1:4222".</summary>
    public string Name { get; }

    /// <summary>Gets "nats": the protocol of <see cref="ServedEndpoints"/>.</summary>
    public string Protocol => "nats";

    /// <summary>Gets the subject of every endpoint this process serves (<c>sprig.{namespace}.{component}.{endpoint}</c>, lower-case); empty when it does not serve.</summary>
    public IReadOnlyList<ServedEndpoint> ServedEndpoints => _host?.Served ?? [];

    /// <summary>Gets the state of the connection: Open, Connecting, Reconnecting or Closed.</summary>
    internal NatsConnectionState ConnectionState => _connection.ConnectionState;

    /// <summary>Gets the connection, for tests that restart the server.</summary>
    internal NatsConnection Connection => _connection;

    /// <summary>Gets the control subject of this process's served calls, or <see langword="null"/> when it does not serve.</summary>
    internal string? Control => _host?.Control;

    /// <summary>Gets how many served streams wait for their caller's ack, for tests of flow control.</summary>
    internal int BlockedCalls => _host?.BlockedCalls ?? 0;

    /// <summary>Gets how many served calls wait for a runner (for tests).</summary>
    internal int QueuedCalls => _host?.QueuedCalls ?? 0;

    /// <summary>Tells whether this transport carries calls to a component: NATS carries every component no process here serves.</summary>
    /// <param name="componentNamespace">The component's endpoint namespace.</param>
    /// <param name="component">The component name.</param>
    /// <returns>Always <see langword="true"/>.</returns>
    public bool Carries(string componentNamespace, string component) => true;

    /// <summary>Calls a unary endpoint in whichever process serves it.</summary>
    /// <param name="remoteCall">The address and arguments.</param>
    /// <param name="cancellationToken">Cancels the call here and in the serving process.</param>
    /// <returns>The result as JSON; <c>default(JsonElement)</c> for no result.</returns>
    /// <exception cref="EndpointCallException">The call failed: 400 arguments, 404 unknown endpoint, 500 it threw, 502 the serving
    /// process died, 403 the server did not let this process's NATS user publish the call or subscribe to its answers, 503 nothing serves it, 504
    /// <see cref="NatsTransportOptions.RequestTimeout"/> passed.</exception>
    public async Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken)
    {
        var invoker = await StartAsync(cancellationToken).ConfigureAwait(false);
        return await invoker.InvokeAsync(remoteCall, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls a streaming endpoint in whichever process serves it and yields its items in order.</summary>
    /// <param name="remoteCall">The address and arguments.</param>
    /// <param name="cancellationToken">Cancels the stream here and in the serving process.</param>
    /// <returns>The items as JSON. A failure, including the serving process dying, throws; it never looks like the end.</returns>
    /// <exception cref="EndpointCallException">The call failed; <see cref="EndpointCallException.StatusCode"/> says why.</exception>
    public IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteCall);
        return Stream(remoteCall, cancellationToken);
    }

    /// <summary>Serves the context's endpoints over NATS, unless <see cref="NatsTransportOptions.Serve"/> is off.</summary>
    /// <param name="context">The running context.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the NATS server has every subscription.</returns>
    /// <exception cref="ContainerException">The server is unreachable, an endpoint's name cannot be part of a subject, or the server
    /// refused this process's NATS user a subscription to a subject it serves on.</exception>
    public async Task StartServingAsync(ApplicationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        if (!Options.Serve || _host is not null)
        {
            return;
        }

        _host = new EndpointHost(_connection, Options, RemoteFailure.IncludeDetails(_configuration), _violations, _logger);
        await _host.StartAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking calls, lets those in flight finish within <see cref="NatsTransportOptions.DrainTimeout"/>, then cancels the rest.</summary>
    /// <param name="cancellationToken">Abandons the wait: calls still running are cancelled at once.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public Task StopServingAsync(CancellationToken cancellationToken) => _host?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Stops serving, if it still does, and closes the connection.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopServingAsync(CancellationToken.None).ConfigureAwait(false);
        _host?.Dispose();
        if (_mux is not null)
        {
            await _mux.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _startLock.Dispose();
    }

    /// <summary>Connects when the context starts, so that an unreachable server fails the refresh with a clear message.</summary>
    [OnStart]
    internal async Task ConnectAsync(CancellationToken cancellationToken) => await StartAsync(cancellationToken).ConfigureAwait(false);

    private async IAsyncEnumerable<JsonElement> Stream(RemoteCall remoteCall, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var invoker = await StartAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in invoker.StreamAsync(remoteCall, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private async ValueTask<RemoteInvoker> StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _invoker) is { } ready)
        {
            return ready;
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        await _startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_invoker is null)
            {
                await NatsConnector.ConnectAsync(_connection, Options, cancellationToken).ConfigureAwait(false);
                _mux = await CallMux.StartAsync(_connection, _logger, cancellationToken).ConfigureAwait(false);
                var (mux, identity) = (_mux, NatsAuthentication.Identity(Options));
                _violations.PublishRefused += subject => mux.Refuse(subject, Name, identity);
                Volatile.Write(ref _invoker, new RemoteInvoker(_connection, _mux, Options, Name, _violations));
            }

            return _invoker;
        }
        finally
        {
            _startLock.Release();
        }
    }
}
