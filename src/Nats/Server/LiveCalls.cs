using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;

namespace Sprig.Nats.Server;

/// <summary>
/// The calls this process has queued or running, by the caller's reply subject. One timer over all of them sends each caller a
/// heartbeat every interval (a call that ends before the first tick sends only its answer), cancels streams whose caller went
/// away, and forgets cancels that arrived before their call.
/// </summary>
internal sealed class LiveCalls(INatsConnection connection, string control, TimeSpan interval, ILogger logger)
{
    private readonly ConcurrentDictionary<string, ServedCall> _calls = new(StringComparer.Ordinal);

    // Cancels of calls not (yet) here, by reply subject: a cancel can overtake its call, which arrives on another subscription.
    private readonly ConcurrentDictionary<string, long> _early = new(StringComparer.Ordinal);
    private readonly long _silence = (long)(interval.TotalSeconds * 3 * Stopwatch.Frequency);

    public int Count => _calls.Count;

    /// <summary>Gets how many streams wait for their caller's ack.</summary>
    public int BlockedCount => _calls.Values.Count(c => c.Blocked);

    /// <summary>Adds a call; returns <see langword="false"/> when its cancel already came.</summary>
    public bool Add(ServedCall call)
    {
        _calls[call.ReplyTo] = call;
        if (_early.TryRemove(call.ReplyTo, out _))
        {
            _calls.TryRemove(call.ReplyTo, out _);
            return false;
        }

        return true;
    }

    public void Remove(ServedCall call) => _calls.TryRemove(new KeyValuePair<string, ServedCall>(call.ReplyTo, call));

    public void Acknowledge(string replyTo, long consumed)
    {
        if (_calls.TryGetValue(replyTo, out var call))
        {
            call.Acknowledge(consumed);
        }
    }

    public void Cancel(string replyTo)
    {
        if (_calls.TryGetValue(replyTo, out var call))
        {
            call.CancelByCaller();
            return;
        }

        // Record it first, then look again: either this or Add sees the other.
        _early[replyTo] = Stopwatch.GetTimestamp();
        if (_calls.TryGetValue(replyTo, out call) && _early.TryRemove(replyTo, out _))
        {
            call.CancelByCaller();
        }
    }

    public void CancelAll()
    {
        foreach (var call in _calls.Values)
        {
            call.Cancel();
        }
    }

    /// <summary>Runs the heartbeat timer until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunHeartbeatsAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await TickAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                {
                    // Without heartbeats every caller would take this process for dead: log, and beat again at the next tick.
                    NatsLog.SendFailed(logger, ex, "heartbeat", control);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task TickAsync()
    {
        var now = Stopwatch.GetTimestamp();
        var heartbeat = Frame.Heartbeat(control);
        foreach (var call in _calls.Values)
        {
            if (call.Blocked && now - call.LastHeard > _silence)
            {
                NatsLog.Problem(logger, NatsErrors.CallerGone(call.Endpoint.Address));
                call.CancelByCaller();
                continue;
            }

            try
            {
                await FramePublisher.PublishAsync(connection, call.ReplyTo, heartbeat).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NatsException or ObjectDisposedException)
            {
                NatsLog.SendFailed(logger, ex, "heartbeat", call.ReplyTo);
            }
        }

        // An early cancel whose call never came is forgotten after ten intervals.
        foreach (var (replyTo, when) in _early)
        {
            if (now - when > _silence * 10 / 3)
            {
                _early.TryRemove(replyTo, out _);
            }
        }
    }
}
