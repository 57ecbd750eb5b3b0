using Sprig.Remoting;

namespace Sprig.Nats.Protocol;

/// <summary>
/// One message of the Sprig NATS protocol, as <see cref="FrameCodec"/> reads and writes it: the kind and small fields travel as
/// headers, JSON as the body. Build frames with the factory methods, which set exactly the fields each kind needs.
/// </summary>
/// <param name="Kind">What the message is.</param>
internal sealed record Frame(FrameKind Kind)
{
    /// <summary>Gets the item number (from 1) of an item, the item count of an end, or the items consumed of an ack.</summary>
    public long Sequence { get; init; }

    /// <summary>Gets the worker's control subject (every frame a worker sends carries it).</summary>
    public string? Control { get; init; }

    /// <summary>Gets the call an ack or cancel is about: the caller's reply subject.</summary>
    public string? Call { get; init; }

    /// <summary>Gets the stream window asked for (stream; 0 = the worker's) or in force (accepted).</summary>
    public int Window { get; init; }

    /// <summary>Gets the JSON body: the arguments of a call or stream, a result (empty for none) or an item.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the failure of an error frame.</summary>
    public RemoteFailure? Failure { get; init; }

    /// <summary>Gets the caller's W3C <c>traceparent</c> (call and stream frames, only while somebody traces).</summary>
    public string? TraceParent { get; init; }

    /// <summary>Gets the caller's W3C <c>tracestate</c>.</summary>
    public string? TraceState { get; init; }

    /// <summary>Gets the service key the caller picked (<see cref="ServiceKeys.Use"/>), for call and stream frames; null to split by weight.</summary>
    public string? ServiceKey { get; init; }

    public static Frame ForCall(ReadOnlyMemory<byte> arguments) => new(FrameKind.Call) { Body = arguments };

    public static Frame ForStream(ReadOnlyMemory<byte> arguments, int window) => new(FrameKind.Stream) { Body = arguments, Window = window };

    public static Frame Accepted(string control, int window) => new(FrameKind.Accepted) { Control = control, Window = window };

    public static Frame Heartbeat(string control) => new(FrameKind.Heartbeat) { Control = control };

    public static Frame Result(string control, ReadOnlyMemory<byte> json) => new(FrameKind.Result) { Control = control, Body = json };

    public static Frame Item(string control, long sequence, ReadOnlyMemory<byte> json) =>
        new(FrameKind.Item) { Control = control, Sequence = sequence, Body = json };

    public static Frame End(string control, long count) => new(FrameKind.End) { Control = control, Sequence = count };

    public static Frame Error(string? control, RemoteFailure failure) => new(FrameKind.Error) { Control = control, Failure = failure };

    public static Frame Ack(string call, long consumed) => new(FrameKind.Ack) { Call = call, Sequence = consumed };

    public static Frame Cancel(string call) => new(FrameKind.Cancel) { Call = call };

    public static Frame NoResponders { get; } = new(FrameKind.NoResponders);
}
