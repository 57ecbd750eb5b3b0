using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NATS.Client.Core;
using Sprig.Diagnostics;
using Sprig.Endpoints;
using Sprig.Nats.Configuration;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;

namespace Sprig.Nats.Client;

/// <summary>
/// Makes calls through NATS: publishes the request with the inbox as reply subject, then reads frames until a result, an end or
/// an error. A worker that falls silent (three heartbeat intervals) is dead: 502. One attempt per call: governance decides whether
/// to try again (a call that never started, or an idempotent one), and the queue group gives the retry to another instance.
/// Cancelling the caller's token cancels the call in the worker.
/// </summary>
internal sealed class RemoteInvoker(
    INatsConnection connection, CallMux mux, NatsTransportOptions options, string via, PermissionViolations violations)
{
    private TimeSpan Silence => options.HeartbeatInterval * 3;

    public async Task<JsonElement> InvokeAsync(RemoteCall call, CancellationToken cancellationToken)
    {
        var (subject, arguments) = Prepare(call, stream: false);
        var deadline = CallWatch.DeadlineAfter(options.RequestTimeout);
        var pending = mux.Open(isStream: false, call, subject);
        using var watch = new CallWatch(Silence, deadline, cancellationToken);
        var finished = false;
        try
        {
            pending.LastHeard = Stopwatch.GetTimestamp();
            await SendAsync(call, subject, Frame.ForCall(arguments), pending.ReplyTo, cancellationToken).ConfigureAwait(false);
            while (await watch.NextAsync(pending).ConfigureAwait(false) is { } frame)
            {
                switch (frame.Kind)
                {
                    case FrameKind.Result:
                        finished = true;
                        return Parse(call, frame.Body);
                    case FrameKind.Error:
                        // A call refused unstarted (the instance is shutting down, or its limit is full) says so: governance may send it again.
                        finished = true;
                        throw frame.Failure!.ToException(call, via);
                    case FrameKind.NoResponders:
                        finished = true;
                        throw NoResponders(call);
                    case FrameKind.Heartbeat or FrameKind.Accepted:
                        continue;
                    default:
                        throw Died(call, NatsErrors.BadAnswer($"a '{FrameCodec.Name(frame.Kind)}' frame answered a unary call"));
                }
            }

            // Silence or the transport's own deadline: the loop ended without an answer.
            if (watch.DeadlinePassed)
            {
                throw new EndpointCallException(
                    Errors.RemoteTimedOut(call.Address, via, options.RequestTimeout, "Sprig:Nats:RequestTimeout"), call.Address, 504, call.Component);
            }

            throw Died(call, NatsErrors.Silent(Silence));
        }
        finally
        {
            mux.Close(pending);
            if (!finished)
            {
                await CancelAsync(pending).ConfigureAwait(false);
            }
        }
    }

    public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (subject, arguments) = Prepare(call, stream: true);
        var pending = mux.Open(isStream: true, call, subject);
        using var watch = new CallWatch(Silence, long.MaxValue, cancellationToken);
        var finished = false;
        try
        {
            pending.LastHeard = Stopwatch.GetTimestamp();
            await SendAsync(call, subject, Frame.ForStream(arguments, options.StreamWindow), pending.ReplyTo, cancellationToken).ConfigureAwait(false);
            var ackEvery = AckEvery(options.StreamWindow);
            long expected = 1;
            long acked = 0;
            long yielded = 0;
            while (await watch.NextAsync(pending).ConfigureAwait(false) is { } frame)
            {
                switch (frame.Kind)
                {
                    case FrameKind.Accepted:
                        ackEvery = AckEvery(frame.Window);
                        break;
                    case FrameKind.Heartbeat:
                        break;
                    case FrameKind.Item when frame.Sequence != expected:
                        throw Died(call, NatsErrors.OutOfOrder(expected, frame.Sequence));
                    case FrameKind.Item:
                        expected++;
                        yielded++;
                        yield return Parse(call, frame.Body);
                        pending.Consumed = yielded;
                        if (yielded - acked >= ackEvery && pending.Control is { } control)
                        {
                            acked = yielded;
                            await mux.SendAsync(control, Frame.Ack(pending.ReplyTo, yielded)).ConfigureAwait(false);
                        }

                        break;
                    case FrameKind.End when frame.Sequence != expected - 1:
                        throw Died(call, NatsErrors.OutOfOrder(expected, frame.Sequence + 1));
                    case FrameKind.End:
                        finished = true;
                        yield break;
                    case FrameKind.Error:
                        finished = true;
                        throw frame.Failure!.ToException(call, via);
                    case FrameKind.NoResponders:
                        finished = true;
                        throw NoResponders(call);
                    default:
                        throw Died(call, NatsErrors.BadAnswer($"a '{FrameCodec.Name(frame.Kind)}' frame answered a stream"));
                }
            }

            // Silence: never a normal end.
            throw Died(call, NatsErrors.Silent(Silence));
        }
        finally
        {
            mux.Close(pending);
            if (!finished)
            {
                await CancelAsync(pending).ConfigureAwait(false);
            }
        }
    }

    private EndpointCallException NoResponders(RemoteCall call) =>
        new(Errors.NoResponders(call.Address, via), call.Address, 503, call.Component) { NotStarted = true };

    private static int AckEvery(int window) => Math.Max(1, window / 4);

    private (string Subject, ReadOnlyMemory<byte> Arguments) Prepare(RemoteCall call, bool stream)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (NatsSubjects.InvalidToken(call.Namespace, call.Component, call.Endpoint) is { } bad)
        {
            throw new EndpointNotFoundException(NatsErrors.BadSubjectToken(call.Address, bad.Part, bad.Token), call.Address, []);
        }

        if (violations.IsSubscriptionRefused(mux.Inbox))
        {
            // No answer could reach this process: the call would run, and end here as a dead worker (502).
            throw new EndpointCallException(
                NatsErrors.InboxRefused(call.Address, via, mux.Inbox, $"{connection.Opts.InboxPrefix}.>", NatsAuthentication.Identity(options)),
                call.Address, 403, call.Component);
        }

        ReadOnlyMemory<byte> arguments = call.Arguments.ValueKind == JsonValueKind.Undefined
            ? default
            : JsonSerializer.SerializeToUtf8Bytes(call.Arguments, EndpointJson.Options);
        var request = stream ? Frame.ForStream(arguments, options.StreamWindow) : Frame.ForCall(arguments);
        if (FramePublisher.SizeOver(connection, request) is { } size)
        {
            throw new EndpointCallException(NatsErrors.ArgumentsTooLarge(call.Address, size, connection.ServerInfo!.MaxPayload), call.Address, 400, call.Component);
        }

        return (NatsSubjects.Endpoint(call.Namespace, call.Component, call.Endpoint), arguments);
    }

    /// <summary>Publishes a call; a connection NATS.Net has given up on (the server refused the credentials again) is a 503.</summary>
    private async ValueTask SendAsync(RemoteCall call, string subject, Frame frame, string replyTo, CancellationToken cancellationToken)
    {
        try
        {
            // Sprig's client span (there is one only while somebody traces) is the parent of the serving side's: its W3C context
            // rides along. Another ambient activity (ASP.NET Core's, made for log correlation) does not cost the call its bare form.
            if (System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } activity && activity.Source == Telemetry.SprigTelemetry.Source)
            {
                frame = frame with { TraceParent = activity.Id, TraceState = activity.TraceStateString };
            }

            if (ServiceKeys.Current is { } key)
            {
                frame = frame with { ServiceKey = key };
            }

            await FramePublisher.PublishAsync(connection, subject, frame, replyTo, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsConnectionFailedException ex)
        {
            throw new EndpointCallException(NatsErrors.ConnectionFailed(call.Address, via), call.Address, 503, call.Component, ex) { NotStarted = true };
        }
    }

    private static JsonElement Parse(RemoteCall call, ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json.Span, EndpointJson.Options);
        }
        catch (JsonException ex)
        {
            throw new EndpointCallException(Errors.RemoteResultInvalid(call.Address, typeof(JsonElement), ex), call.Address, 502, call.Component, ex);
        }
    }

    private EndpointCallException Died(RemoteCall call, string what) =>
        new(Errors.RemoteDied(call.Address, via, what), call.Address, 502, call.Component);

    /// <summary>Tells the worker to stop the call: at its control subject when a frame named it, else at every worker's.</summary>
    private ValueTask CancelAsync(PendingCall pending) =>
        mux.SendAsync(pending.Control ?? NatsSubjects.ControlBroadcast, Frame.Cancel(pending.ReplyTo));
}
