using System.Globalization;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.Services;
using Sprig.Nats.Configuration;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;
using Sprig.Remoting;

namespace Sprig.Nats.Server;

/// <summary>
/// Serves a context's endpoints over NATS: one NATS micro service per component (so <c>nats micro ls</c> shows them), one
/// endpoint per Sprig endpoint on its subject in queue group "q". The micro handler only queues the call; a pool of
/// <see cref="NatsTransportOptions.MaxConcurrency"/> runners executes the queue, so nothing is dropped and no endpoint blocks another.
/// </summary>
internal sealed class EndpointHost : IDisposable
{
    private const string QueueGroup = "q";

    private readonly INatsConnection _connection;
    private readonly NatsTransportOptions _options;
    private readonly bool _includeDetails;
    private readonly ILogger _logger;
    private readonly PermissionViolations _violations;
    private readonly string _control = NatsSubjects.Control(Guid.NewGuid().ToString("N"));
    private readonly LiveCalls _live;
    private readonly Channel<ServedCall> _queue = Channel.CreateUnbounded<ServedCall>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _heartbeatStop = new();
    private readonly List<(INatsSvcServer Service, List<string> Endpoints)> _services = [];
    private readonly ControlListener _controls;
    private Task _heartbeats = Task.CompletedTask;
    private Task[] _runners = [];
    private IReadOnlyList<Sprig.Hosting.ServedEndpoint> _served = [];
    private int _stopped;

    public EndpointHost(INatsConnection connection, NatsTransportOptions options, bool includeDetails, PermissionViolations violations, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _includeDetails = includeDetails;
        _violations = violations;
        _logger = logger;
        _live = new LiveCalls(connection, _control, options.HeartbeatInterval, logger);
        _controls = new ControlListener(connection, _live, logger);
    }

    /// <summary>Gets the subject this process takes acks and cancels at.</summary>
    public string Control => _control;

    /// <summary>Gets the subject of every endpoint served, in the catalog's order, once serving started; empty again once it stops.</summary>
    public IReadOnlyList<Sprig.Hosting.ServedEndpoint> Served => Volatile.Read(ref _served);

    /// <summary>Gets how many streams wait for their caller's ack, for tests of flow control.</summary>
    public int BlockedCalls => _live.BlockedCount;

    /// <summary>Gets how many calls wait in the queue for a runner (for tests).</summary>
    public int QueuedCalls => _queue.Reader.Count;

    /// <summary>Starts serving; when it returns, the NATS server has every subscription.</summary>
    /// <exception cref="ContainerException">An endpoint's address cannot be a subject, or the server refused a subscription.</exception>
    public async Task StartAsync(ApplicationContext context, CancellationToken cancellationToken)
    {
        var endpoints = context.Endpoints.ToList();
        var problems = endpoints
            .Select(e => (Endpoint: e, Bad: NatsSubjects.InvalidToken(e.Namespace, e.Component, e.Name)))
            .Where(x => x.Bad is not null)
            .Select(x => NatsErrors.BadSubjectToken(x.Endpoint.Address, x.Bad!.Value.Part, x.Bad.Value.Token))
            .ToList();
        if (problems.Count > 0)
        {
            throw new ContainerException(NatsErrors.BadSubjectTokens(problems));
        }

        await _controls.StartAsync(_control, cancellationToken).ConfigureAwait(false);

        var executor = new CallExecutor(context, _connection, _live, _control, _includeDetails, _logger);
        // The loops live as long as the process serves: they must not carry what was ambient at start-up (refresh's activity).
        using (ExecutionContext.SuppressFlow())
        {
            _runners = [.. Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(() => RunAsync(executor), CancellationToken.None))];
            _heartbeats = Task.Run(() => _live.RunHeartbeatsAsync(_heartbeatStop.Token), CancellationToken.None);
        }

        var services = new NatsSvcContext(_connection);
        foreach (var component in endpoints.GroupBy(e => (e.Namespace, e.Component)))
        {
            var config = new NatsSvcConfig(NatsSubjects.ServiceName(component.Key.Namespace, component.Key.Component), Version())
            {
                Description = $"Sprig component '{component.Key.Namespace}/{component.Key.Component}'",
                QueueGroup = QueueGroup,
                Metadata = new Dictionary<string, string> { ["sprig.namespace"] = component.Key.Namespace, ["sprig.component"] = component.Key.Component },
            };
            var service = await services.AddServiceAsync(config, cancellationToken).ConfigureAwait(false);
            var added = new List<string>();
            _services.Add((service, added));
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var endpoint in component)
            {
                var name = NatsSubjects.MicroName(endpoint.Name);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = string.Create(CultureInfo.InvariantCulture, $"{NatsSubjects.MicroName(endpoint.Name)}_{n}");
                }

                var metadata = new Dictionary<string, string> { ["sprig.address"] = endpoint.Address, ["sprig.streaming"] = endpoint.IsStreaming ? "true" : "false" };
                await service.AddEndpointAsync<byte[]>(
                        message => ReceiveAsync(endpoint, message),
                        name,
                        NatsSubjects.Endpoint(endpoint.Namespace, endpoint.Component, endpoint.Name),
                        metadata: metadata,
                        serializer: NatsRawSerializer<byte[]>.Default,
                        cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                added.Add(name);
            }
        }

        // A round trip: the server has processed every SUB before the PONG, and sent its -ERR for each one it refused before it.
        await _connection.PingAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfRefused(endpoints);
        Volatile.Write(ref _served, [.. endpoints.Select(e => new Sprig.Hosting.ServedEndpoint(NatsSubjects.Endpoint(e.Namespace, e.Component, e.Name), e.Address))]);
        NatsLog.Serving(_logger, endpoints.Count, _services.Count, string.Join(", ", endpoints.Select(e => e.Address)), _control);
    }

    /// <summary>Stops taking calls, lets those in flight finish within the drain timeout, then cancels the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _served, []);
        foreach (var (service, endpoints) in _services)
        {
            try
            {
                // Draining unsubscribes behind a PING fence: requests the NATS server routed here before it saw the UNSUB are
                // still taken and answered, instead of being dropped (which their callers would see as a dead worker).
                await Task.WhenAll(endpoints.Select(e => service.RemoveEndpointAsync(e, cancellationToken).AsTask())).ConfigureAwait(false);
                await service.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NatsException or OperationCanceledException or TimeoutException)
            {
                NatsLog.ServiceStopFailed(_logger, ex);
            }
        }

        _queue.Writer.TryComplete();
        var runners = Task.WhenAll(_runners);
        try
        {
            await runners.WaitAsync(_options.DrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            NatsLog.DrainCancelling(_logger, _live.Count, _options.DrainTimeout);
            await _stopping.CancelAsync().ConfigureAwait(false);
            _live.CancelAll();
            try
            {
                await runners.WaitAsync(_options.DrainTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                NatsLog.DrainIgnored(_logger, _options.DrainTimeout);
            }
        }

        // Heartbeats and acks go on until the last call has ended: a stream in the drain still needs them.
        await _heartbeatStop.CancelAsync().ConfigureAwait(false);
        await _heartbeats.ConfigureAwait(false);
        await _controls.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _heartbeatStop.Dispose();
    }

    /// <summary>Fails the start when the server refused a subscription: it would serve nothing there, and say nothing.</summary>
    private void ThrowIfRefused(List<EndpointDescriptor> endpoints)
    {
        var refused = new List<(string Subject, string? Address)>();
        foreach (var subject in new[] { _control, NatsSubjects.ControlBroadcast }.Where(_violations.IsSubscriptionRefused))
        {
            refused.Add((subject, null));
        }

        foreach (var endpoint in endpoints)
        {
            var subject = NatsSubjects.Endpoint(endpoint.Namespace, endpoint.Component, endpoint.Name);
            if (_violations.IsSubscriptionRefused(subject))
            {
                refused.Add((subject, endpoint.Address));
            }
        }

        if (refused.Count > 0)
        {
            throw new ContainerException(NatsErrors.SubscriptionsRefused(
                NatsConnector.Redact(_options.Url), NatsAuthentication.Identity(_options), refused));
        }
    }

    private static string Version() =>
        Assembly.GetEntryAssembly()?.GetName().Version is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}")
            : "1.0.0";

    private async ValueTask ReceiveAsync(EndpointDescriptor endpoint, NatsSvcMsg<byte[]> message)
    {
        if (message.ReplyTo is not { } replyTo)
        {
            NatsLog.NoReplySubject(_logger, endpoint.Address);
            return;
        }

        var problem = message.Exception?.Message;
        Frame? frame = null;
        if (problem is null && FrameCodec.TryDecode(message.Headers, message.Data, noResponders: false, out frame, out problem, FrameKind.Call)
            && frame.Kind is not (FrameKind.Call or FrameKind.Stream))
        {
            problem = $"a '{FrameCodec.Name(frame.Kind)}' frame was sent to an endpoint's subject";
        }

        if (problem is not null || frame is null)
        {
            NatsLog.MalformedRequest(_logger, endpoint.Address, problem ?? "");
            await RefuseAsync(replyTo, new RemoteFailure(400, "Bad request.", NatsErrors.BadRequest(endpoint.Address, problem ?? ""))).ConfigureAwait(false);
            return;
        }

        var isStream = frame.Kind == FrameKind.Stream;
        if (isStream != endpoint.IsStreaming)
        {
            await RefuseAsync(replyTo, new RemoteFailure(400, "Wrong call shape.", NatsErrors.WrongShape(endpoint.Address, endpoint.IsStreaming))).ConfigureAwait(false);
            return;
        }

        var window = frame.Window > 0 ? Math.Min(frame.Window, _options.StreamWindow) : _options.StreamWindow;
        var call = new ServedCall(endpoint, replyTo, isStream, frame.Body, window, _stopping.Token)
        {
            Parent = Telemetry.SprigTelemetry.Parent(frame.TraceParent, frame.TraceState),
            ServiceKey = frame.ServiceKey,
        };
        if (!_live.Add(call))
        {
            call.Dispose();
            return;
        }

        if (isStream)
        {
            await SendAsync(replyTo, Frame.Accepted(_control, window)).ConfigureAwait(false);
        }

        if (!_queue.Writer.TryWrite(call))
        {
            _live.Remove(call);
            call.Dispose();
            await RefuseAsync(replyTo, new RemoteFailure(503, "The serving process is shutting down.", NatsErrors.Stopping(endpoint.Address)) { NotStarted = true })
                .ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CallExecutor executor)
    {
        await foreach (var call in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await executor.RunAsync(call).ConfigureAwait(false);
        }
    }

    private ValueTask RefuseAsync(string replyTo, RemoteFailure failure) => SendAsync(replyTo, Frame.Error(_control, failure));

    private async ValueTask SendAsync(string replyTo, Frame frame)
    {
        try
        {
            await FramePublisher.PublishAsync(_connection, replyTo, frame).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or ObjectDisposedException)
        {
            NatsLog.SendFailed(_logger, ex, FrameCodec.Name(frame.Kind), replyTo);
        }
    }
}
