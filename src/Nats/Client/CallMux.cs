using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;
using Sprig.Remoting;

namespace Sprig.Nats.Client;

/// <summary>
/// The caller's side of the connection: one wildcard inbox subscription (<c>{inbox}.*</c>) for every call, and a map from call id
/// to the call's frames, as NATS.Net's own request multiplexer does. It answers a stream worker's heartbeats with an ack, so that
/// the worker knows the caller is alive even while the consumer is slow.
/// </summary>
internal sealed class CallMux : IAsyncDisposable
{
    private readonly INatsConnection _connection;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, PendingCall> _calls = new();
    private readonly string _prefix;
    private readonly INatsSub<byte[]> _subscription;
    private readonly Task _loop;
    private long _next;

    private CallMux(INatsConnection connection, ILogger logger, string prefix, INatsSub<byte[]> subscription)
    {
        _connection = connection;
        _logger = logger;
        _prefix = prefix;
        _subscription = subscription;
        _loop = Task.Run(ReadAsync);
    }

    public static async Task<CallMux> StartAsync(INatsConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        // Not NewInbox(): NATS.Net routes subjects under its own inbox prefix to its request multiplexer, by exact subject,
        // so a wildcard subscription there would never see a message. A sibling prefix keeps _INBOX.> permissions working.
        var prefix = $"{connection.Opts.InboxPrefix}.sprig-{Guid.NewGuid():N}";
        var subscription = await connection.SubscribeCoreAsync(prefix + ".*", serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        // A round trip: when it returns, the server's -ERR for a refused subscription has arrived (see PermissionViolations).
        await connection.PingAsync(cancellationToken).ConfigureAwait(false);
        return new CallMux(connection, logger, prefix, subscription);
    }

    /// <summary>Gets the subject of the inbox subscription, where every answer arrives.</summary>
    public string Inbox => _prefix + ".*";

    /// <summary>Registers a new call to <paramref name="subject"/> and returns it; its reply subject is <c>{inbox}.{id}</c>.</summary>
    public PendingCall Open(bool isStream, RemoteCall remoteCall, string subject)
    {
        var id = Interlocked.Increment(ref _next);
        var call = new PendingCall(id, string.Create(CultureInfo.InvariantCulture, $"{_prefix}.{id}"), isStream, remoteCall, subject);
        _calls[id] = call;
        return call;
    }

    /// <summary>
    /// Fails the calls to <paramref name="subject"/> that have heard nothing yet, with a 403: the server refused to let this
    /// process publish their requests. The server drops such a request and says so only with an -ERR; without this, the call
    /// would wait for a worker that never heard of it and end as a dead worker (502) three heartbeats later. A call that has
    /// heard from a worker was delivered, whatever was refused later.
    /// </summary>
    /// <param name="subject">The subject the server refused.</param>
    /// <param name="via">The transport's name, for messages.</param>
    /// <param name="identity">The NATS user this process connects as, for messages.</param>
    public void Refuse(string subject, string via, string identity)
    {
        foreach (var call in _calls.Values)
        {
            if (call.Subject == subject && !call.Heard)
            {
                var address = call.Call.Address;
                call.Frames.Writer.TryComplete(
                    new EndpointCallException(NatsErrors.PublishRefused(address, via, subject, identity), address, 403, call.Call.Component));
            }
        }
    }

    /// <summary>Forgets a call; frames that still arrive for it are dropped.</summary>
    public void Close(PendingCall call) => _calls.TryRemove(call.Id, out _);

    public async ValueTask DisposeAsync()
    {
        await _subscription.DisposeAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        // Calls still waiting fail like any other call that lost its way to the serving process.
        foreach (var call in _calls.Values)
        {
            call.Frames.Writer.TryComplete(new EndpointCallException(NatsErrors.Disposed(), null, 503));
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in _subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    await RouteAsync(message).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One answer that cannot be routed must not stop the inbox: every later call would look dead.
                    NatsLog.MalformedAnswer(_logger, message.Subject, ex.Message);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            NatsLog.InboxStopped(_logger, ex);
        }
    }

    private async ValueTask RouteAsync(NatsMsg<byte[]> message)
    {
        var dot = message.Subject.LastIndexOf('.');
        if (!long.TryParse(message.Subject.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_calls.TryGetValue(id, out var call))
        {
            return;
        }

        call.LastHeard = Stopwatch.GetTimestamp();
        call.Heard = true;
        if (!FrameCodec.TryDecode(message.Headers, message.Data, message.HasNoResponders, out var frame, out var problem, call.IsStream ? FrameKind.Item : FrameKind.Result))
        {
            NatsLog.MalformedAnswer(_logger, message.Subject, problem);
            frame = Frame.Error(null, new RemoteFailure(502, "Malformed answer.", NatsErrors.BadAnswer(problem)));
        }
        else if (frame.Kind == FrameKind.Item)
        {
            // The one read loop routes a call's messages in arrival order, which NATS keeps from one publisher.
            frame = frame with { Sequence = ++call.Received };
        }

        if (frame.Control is { } control)
        {
            call.Control = control;
            if (frame.Kind == FrameKind.Heartbeat && call.IsStream)
            {
                await SendAsync(control, Frame.Ack(call.ReplyTo, call.Consumed)).ConfigureAwait(false);
            }
        }

        call.Frames.Writer.TryWrite(frame);
    }

    /// <summary>Publishes a control frame, logging instead of throwing: acks and cancels are best effort.</summary>
    public async ValueTask SendAsync(string subject, Frame frame)
    {
        try
        {
            await FramePublisher.PublishAsync(_connection, subject, frame).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or ObjectDisposedException or OperationCanceledException)
        {
            NatsLog.SendFailed(_logger, ex, FrameCodec.Name(frame.Kind), subject);
        }
    }
}
