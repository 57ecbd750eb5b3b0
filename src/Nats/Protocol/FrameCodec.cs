using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NATS.Client.Core;
using Sprig.Nats.Diagnostics;
using Sprig.Remoting;

namespace Sprig.Nats.Protocol;

/// <summary>The one encoder/decoder pair of the Sprig NATS protocol: <see cref="Frame"/> to headers and body, and back.</summary>
internal static class FrameCodec
{
    private static readonly string[] Names = ["call", "stream", "accepted", "heartbeat", "result", "item", "end", "error", "ack", "cancel"];

    /// <summary>Returns the wire name of a kind ("item").</summary>
    public static string Name(FrameKind kind) => kind == FrameKind.NoResponders ? "no-responders" : Names[(int)kind];

    /// <summary>
    /// Writes a frame as NATS headers and a body. The frames sent most — a unary call, its result, a stream item — go bare, without
    /// headers (headers cost a third of the message rate): a bare request is a unary call (so any NATS client can call a unary
    /// endpoint with a plain request), and a caller knows which answer its call expects, numbers items as they arrive and checks the
    /// count against the end frame.
    /// </summary>
    public static (NatsHeaders? Headers, ReadOnlyMemory<byte> Body) Encode(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Kind == FrameKind.NoResponders)
        {
            throw new ArgumentException("A no-responders answer comes from the NATS server; Sprig never sends one. This is a bug in Sprig.", nameof(frame));
        }

        if (frame.Kind is FrameKind.Call && (frame.TraceParent is not null || frame.ServiceKey is not null))
        {
            // Still a bare call (no Sprig-Frame header): only the trace context and the service key ride along.
            return (Traced(new NatsHeaders(), frame), frame.Body);
        }

        if (frame.Kind is FrameKind.Call or FrameKind.Item or FrameKind.Result)
        {
            return (null, frame.Body);
        }

        var headers = Traced(new NatsHeaders { [FrameHeaders.Kind] = Names[(int)frame.Kind] }, frame);
        if (frame.Kind is FrameKind.Item or FrameKind.End or FrameKind.Ack)
        {
            headers[FrameHeaders.Sequence] = frame.Sequence.ToString(CultureInfo.InvariantCulture);
        }

        if (frame.Control is not null)
        {
            headers[FrameHeaders.Control] = frame.Control;
        }

        if (frame.Call is not null)
        {
            headers[FrameHeaders.Call] = frame.Call;
        }

        if (frame.Window > 0)
        {
            headers[FrameHeaders.Window] = frame.Window.ToString(CultureInfo.InvariantCulture);
        }

        var body = frame.Kind == FrameKind.Error && frame.Failure is not null ? frame.Failure.ToJson() : frame.Body;
        return (headers, body);
    }

    /// <summary>Reads a frame; a message that is not one gives <see langword="false"/> and says what is wrong with it.</summary>
    /// <param name="headers">The message's headers.</param>
    /// <param name="body">The message's body.</param>
    /// <param name="noResponders">Whether the message is the NATS server's no-responders status (<c>NatsMsg.HasNoResponders</c>).</param>
    /// <param name="frame">The frame read.</param>
    /// <param name="problem">What is wrong with the message.</param>
    /// <param name="bare">What a message without a <c>Sprig-Frame</c> header is where it arrived: on an endpoint's subject a unary
    /// call; on a caller's inbox the item of a stream (numbered by the caller, so <see cref="Frame.Sequence"/> is 0) or the result of
    /// a unary call; elsewhere nothing.</param>
    public static bool TryDecode(NatsHeaders? headers, ReadOnlyMemory<byte> body, bool noResponders, [NotNullWhen(true)] out Frame? frame, [NotNullWhen(false)] out string? problem, FrameKind? bare = null)
    {
        frame = null;
        if (noResponders)
        {
            frame = Frame.NoResponders;
            problem = null;
            return true;
        }

        if (headers is null || !headers.TryGetLastValue(FrameHeaders.Kind, out var name))
        {
            var read = Bare(bare, body, out frame, out problem);
            frame = frame is { Kind: FrameKind.Call } && headers is not null ? WithTrace(frame, headers) : frame;
            return read;
        }

        var index = Array.IndexOf(Names, name);
        if (index < 0)
        {
            problem = NatsErrors.FrameUnknownKind(name);
            return false;
        }

        var kind = (FrameKind)index;
        problem = Check(kind, headers, body, out var decoded);
        frame = decoded is { Kind: FrameKind.Stream } ? WithTrace(decoded, headers) : decoded;
        return problem is null;
    }

    /// <summary>Adds a call's W3C trace context and service key to its headers.</summary>
    private static NatsHeaders Traced(NatsHeaders headers, Frame frame)
    {
        if (frame.ServiceKey is { } key)
        {
            headers[FrameHeaders.ServiceKey] = key;
        }

        if (frame.TraceParent is { } parent)
        {
            headers[FrameHeaders.TraceParent] = parent;
            if (!string.IsNullOrEmpty(frame.TraceState))
            {
                headers[FrameHeaders.TraceState] = frame.TraceState;
            }
        }

        return headers;
    }

    /// <summary>Reads the caller's W3C trace context and service key from a call's headers.</summary>
    private static Frame WithTrace(Frame frame, NatsHeaders headers)
    {
        if (headers.TryGetLastValue(FrameHeaders.ServiceKey, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            frame = frame with { ServiceKey = key.ToString() };
        }

        return headers.TryGetLastValue(FrameHeaders.TraceParent, out var parent)
            ? frame with { TraceParent = parent, TraceState = headers.TryGetLastValue(FrameHeaders.TraceState, out var state) ? state.ToString() : null }
            : frame;
    }

    private static bool Bare(FrameKind? bare, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out Frame? frame, [NotNullWhen(false)] out string? problem)
    {
        frame = null;
        switch (bare)
        {
            case FrameKind.Item when body.IsEmpty:
                problem = NatsErrors.FrameItemEmpty();
                return false;
            case FrameKind.Call or FrameKind.Item or FrameKind.Result:
                frame = new Frame(bare.Value) { Body = body };
                problem = null;
                return true;
            default:
                problem = NatsErrors.FrameMissingKind();
                return false;
        }
    }

    private static string? Check(FrameKind kind, NatsHeaders headers, ReadOnlyMemory<byte> body, out Frame? frame)
    {
        frame = null;
        var needsSequence = kind is FrameKind.Item or FrameKind.End or FrameKind.Ack;
        long sequence = 0;
        if (headers.TryGetLastValue(FrameHeaders.Sequence, out var seqText))
        {
            if (!long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
            {
                return NatsErrors.FrameBadNumber(FrameHeaders.Sequence, seqText);
            }
        }
        else if (needsSequence)
        {
            return NatsErrors.FrameMissing(kind, FrameHeaders.Sequence);
        }

        var window = 0;
        if (headers.TryGetLastValue(FrameHeaders.Window, out var windowText)
            && (!int.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out window) || window <= 0))
        {
            return NatsErrors.FrameBadWindow(windowText);
        }

        if (kind == FrameKind.Accepted && window == 0)
        {
            return NatsErrors.FrameMissing(kind, FrameHeaders.Window);
        }

        var control = Subject(headers, FrameHeaders.Control, out var controlProblem);
        var call = Subject(headers, FrameHeaders.Call, out var callProblem);
        if ((controlProblem ?? callProblem) is { } subjectProblem)
        {
            return subjectProblem;
        }

        if (kind is FrameKind.Accepted or FrameKind.Heartbeat && control is null)
        {
            return NatsErrors.FrameMissing(kind, FrameHeaders.Control);
        }

        if (kind is FrameKind.Ack or FrameKind.Cancel && call is null)
        {
            return NatsErrors.FrameMissing(kind, FrameHeaders.Call);
        }

        RemoteFailure? failure = null;
        switch (kind)
        {
            case FrameKind.Item when body.IsEmpty:
                return NatsErrors.FrameItemEmpty();
            case FrameKind.Item when sequence == 0:
                return NatsErrors.FrameItemSequence();
            case FrameKind.Error:
                failure = RemoteFailure.Parse(body.Span);
                if (failure is null)
                {
                    return NatsErrors.FrameBadFailure();
                }

                break;
        }

        frame = new Frame(kind)
        {
            Sequence = sequence,
            Control = control,
            Call = call,
            Window = window,
            Body = kind == FrameKind.Error ? default : body,
            Failure = failure,
        };
        return null;
    }

    private static string? Subject(NatsHeaders headers, string header, out string? problem)
    {
        problem = null;
        if (!headers.TryGetLastValue(header, out var value))
        {
            return null;
        }

        if (!NatsSubjects.IsSubject(value))
        {
            problem = NatsErrors.FrameBadSubject(header, value);
            return null;
        }

        return value;
    }
}
