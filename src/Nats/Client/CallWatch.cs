using System.Diagnostics;
using System.Threading.Channels;
using Sprig.Nats.Protocol;

namespace Sprig.Nats.Client;

/// <summary>
/// Waits for a call's next frame, bounded by the worker's silence (no frame for three heartbeat intervals: it died) and by the
/// call's deadline. Silence counts from the last frame the inbox received, so a slow consumer never looks like a dead worker.
/// </summary>
internal sealed class CallWatch : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly long _silence;
    private readonly long _deadline;
    private CancellationTokenSource _timer;

    /// <param name="silence">How long the worker may be silent.</param>
    /// <param name="deadline">When the call must have ended (a <see cref="Stopwatch"/> timestamp), or <see cref="long.MaxValue"/>.</param>
    /// <param name="caller">The caller's token.</param>
    public CallWatch(TimeSpan silence, long deadline, CancellationToken caller)
    {
        _caller = caller;
        _silence = (long)(silence.TotalSeconds * Stopwatch.Frequency);
        _deadline = deadline;
        _timer = CancellationTokenSource.CreateLinkedTokenSource(caller);
    }

    public bool DeadlinePassed => Stopwatch.GetTimestamp() >= _deadline;

    public static long DeadlineAfter(TimeSpan timeout) => Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Returns the next frame, or <see langword="null"/> when the worker was silent too long or the deadline passed.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async ValueTask<Frame?> NextAsync(PendingCall call)
    {
        var reader = call.Frames.Reader;
        while (true)
        {
            // The caller's cancellation wins over frames already buffered: a consumer that cancels stops at once, and the
            // cancel goes to the worker now, not after it has read a window of items.
            _caller.ThrowIfCancellationRequested();
            if (reader.TryRead(out var frame))
            {
                return frame;
            }

            var now = Stopwatch.GetTimestamp();
            var due = Math.Min(call.LastHeard + _silence, _deadline);
            if (now >= due)
            {
                return null;
            }

            if (!_timer.TryReset())
            {
                _timer.Dispose();
                _timer = CancellationTokenSource.CreateLinkedTokenSource(_caller);
            }

            _timer.CancelAfter(Stopwatch.GetElapsedTime(now, due));
            try
            {
                if (!await reader.WaitToReadAsync(_timer.Token).ConfigureAwait(false))
                {
                    await reader.Completion.ConfigureAwait(false);
                    throw new ChannelClosedException();
                }
            }
            catch (OperationCanceledException) when (!_caller.IsCancellationRequested)
            {
                // The timer fired: the loop looks again, since a frame may have arrived just then.
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
