namespace Sprig.Nats.Protocol;

/// <summary>What a message of the Sprig NATS protocol is; the <c>Sprig-Frame</c> header names it.</summary>
internal enum FrameKind
{
    /// <summary>Caller to endpoint subject: run a unary endpoint; the body is the arguments.</summary>
    Call,

    /// <summary>Caller to endpoint subject: run a streaming endpoint; the body is the arguments, <c>Sprig-Window</c> the window asked for.</summary>
    Stream,

    /// <summary>Worker to caller: a stream was taken; carries the control subject and the window in force.</summary>
    Accepted,

    /// <summary>Worker to caller: the call is still queued or running.</summary>
    Heartbeat,

    /// <summary>Worker to caller: the unary result as JSON; an empty body is "no result" (void, Task).</summary>
    Result,

    /// <summary>Worker to caller: one stream item as JSON; <c>Sprig-Seq</c> counts from 1.</summary>
    Item,

    /// <summary>Worker to caller: the stream ended normally; <c>Sprig-Seq</c> is the number of items sent.</summary>
    End,

    /// <summary>Worker to caller: the call failed; the body is a <see cref="Remoting.RemoteFailure"/> as JSON.</summary>
    Error,

    /// <summary>Caller to control subject: the caller has consumed <c>Sprig-Seq</c> items of the stream <c>Sprig-Call</c>.</summary>
    Ack,

    /// <summary>Caller to control subject: cancel the call <c>Sprig-Call</c>.</summary>
    Cancel,

    /// <summary>The NATS server's own answer (status 503) to a request nothing is subscribed to; never sent by Sprig.</summary>
    NoResponders,
}
