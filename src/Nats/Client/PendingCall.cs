using System.Diagnostics;
using System.Threading.Channels;
using Sprig.Nats.Protocol;

namespace Sprig.Nats.Client;

/// <summary>A call this process made and awaits: the frames <see cref="CallMux"/> routed to its reply subject.</summary>
internal sealed class PendingCall
{
    private long _lastHeard = Stopwatch.GetTimestamp();
    private long _consumed;
    private string? _control;
    private bool _heard;

    public PendingCall(long id, string replyTo, bool isStream, RemoteCall call, string subject)
    {
        Id = id;
        ReplyTo = replyTo;
        IsStream = isStream;
        Call = call;
        Subject = subject;
    }

    public long Id { get; }

    /// <summary>Gets the call: its address and component, for messages.</summary>
    public RemoteCall Call { get; }

    /// <summary>Gets the subject the request is published to.</summary>
    public string Subject { get; }

    /// <summary>Gets or sets whether any frame has arrived: the request reached a serving process.</summary>
    public bool Heard
    {
        get => Volatile.Read(ref _heard);
        set => Volatile.Write(ref _heard, value);
    }

    /// <summary>Gets the reply subject; it also names the call in acks and cancels.</summary>
    public string ReplyTo { get; }

    public bool IsStream { get; }

    /// <summary>Gets the frames received, in order. The worker's window bounds how many a stream can hold.</summary>
    public Channel<Frame> Frames { get; } = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Gets or sets when the last frame arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastHeard
    {
        get => Volatile.Read(ref _lastHeard);
        set => Volatile.Write(ref _lastHeard, value);
    }

    /// <summary>Gets or sets the worker's control subject, once a frame has told it.</summary>
    public string? Control
    {
        get => Volatile.Read(ref _control);
        set => Volatile.Write(ref _control, value);
    }

    /// <summary>Gets or sets how many stream items have arrived (items travel bare: their number is their place in arrival order).</summary>
    public long Received { get; set; }

    /// <summary>Gets or sets how many stream items the consumer has taken.</summary>
    public long Consumed
    {
        get => Volatile.Read(ref _consumed);
        set => Volatile.Write(ref _consumed, value);
    }
}
