namespace Sprig.Nats.Protocol;

/// <summary>The header names of the Sprig NATS protocol.</summary>
internal static class FrameHeaders
{
    /// <summary>The frame's kind: call, stream, accepted, heartbeat, result, item, end, error, ack, cancel.</summary>
    public const string Kind = "Sprig-Frame";

    /// <summary>An item's number (from 1), the item count of an end frame, or the items consumed of an ack.</summary>
    public const string Sequence = "Sprig-Seq";

    /// <summary>The worker's control subject, where the caller sends acks and cancels.</summary>
    public const string Control = "Sprig-Control";

    /// <summary>The call an ack or cancel is about: the caller's reply subject of that call.</summary>
    public const string Call = "Sprig-Call";

    /// <summary>The stream window: items the worker may send beyond the caller's last ack.</summary>
    public const string Window = "Sprig-Window";

    /// <summary>The caller's W3C trace context (call and stream frames, while somebody traces).</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The caller's W3C trace state.</summary>
    public const string TraceState = "tracestate";

    /// <summary>The service key the caller picked (call and stream frames), as Sprig.Web's HTTP header.</summary>
    public const string ServiceKey = ServiceKeys.Header;
}
