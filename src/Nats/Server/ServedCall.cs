using System.Diagnostics;

namespace Sprig.Nats.Server;

/// <summary>A call this process received and has queued or is running, until its last frame is sent.</summary>
internal sealed class ServedCall : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly SemaphoreSlim _acks = new(0);
    private long _acked;
    private long _lastHeard = Stopwatch.GetTimestamp();
    private int _blocked;
    private int _cancelledByCaller;

    public ServedCall(EndpointDescriptor endpoint, string replyTo, bool isStream, ReadOnlyMemory<byte> arguments, int window, CancellationToken stopping)
    {
        Endpoint = endpoint;
        ReplyTo = replyTo;
        IsStream = isStream;
        Arguments = arguments;
        Window = window;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public EndpointDescriptor Endpoint { get; }

    /// <summary>Gets the caller's trace context (default when the caller sent none).</summary>
    public System.Diagnostics.ActivityContext Parent { get; init; }

    /// <summary>Gets the service key the caller picked, or null.</summary>
    public string? ServiceKey { get; init; }

    /// <summary>Gets the caller's reply subject, which also names the call in its acks and cancels.</summary>
    public string ReplyTo { get; }

    public bool IsStream { get; }

    public ReadOnlyMemory<byte> Arguments { get; }

    /// <summary>Gets how many items may be sent beyond the caller's last ack.</summary>
    public int Window { get; }

    /// <summary>Gets the token passed to the endpoint: the caller's cancel or the end of the drain cancels it.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool CancelledByCaller => Volatile.Read(ref _cancelledByCaller) == 1;

    /// <summary>Gets whether the call waits for the caller's ack to send more items.</summary>
    public bool Blocked => Volatile.Read(ref _blocked) == 1;

    /// <summary>Gets when the caller was last heard of (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastHeard => Volatile.Read(ref _lastHeard);

    public void CancelByCaller()
    {
        Volatile.Write(ref _cancelledByCaller, 1);
        Cancel();
    }

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended meanwhile: nothing left to cancel.
        }
    }

    /// <summary>Records that the caller has consumed <paramref name="consumed"/> items (or is alive, for a repeated ack).</summary>
    public void Acknowledge(long consumed)
    {
        Volatile.Write(ref _lastHeard, Stopwatch.GetTimestamp());
        long current;
        do
        {
            current = Volatile.Read(ref _acked);
            if (consumed <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _acked, consumed, current) != current);

        try
        {
            _acks.Release();
        }
        catch (ObjectDisposedException)
        {
            // The call ended meanwhile.
        }
    }

    /// <summary>Waits until item <paramref name="sequence"/> is within the window of the caller's acks; a wait is logged (Debug) when it starts.</summary>
    public async ValueTask WaitForWindowAsync(long sequence, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (sequence - Volatile.Read(ref _acked) <= Window)
        {
            return;
        }

        Diagnostics.NatsLog.WaitingForCaller(logger, Endpoint.Address, sequence, Window);

        Volatile.Write(ref _lastHeard, Stopwatch.GetTimestamp());
        Volatile.Write(ref _blocked, 1);
        try
        {
            while (sequence - Volatile.Read(ref _acked) > Window)
            {
                await _acks.WaitAsync(Token).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _blocked, 0);
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        _acks.Dispose();
    }
}
