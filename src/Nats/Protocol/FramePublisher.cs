using NATS.Client.Core;

namespace Sprig.Nats.Protocol;

/// <summary>Publishes frames: encodes them with <see cref="FrameCodec"/> and sends the body as raw bytes.</summary>
internal static class FramePublisher
{
    public static ValueTask PublishAsync(INatsConnection connection, string subject, Frame frame, string? replyTo = null, CancellationToken cancellationToken = default)
    {
        var (headers, body) = FrameCodec.Encode(frame);
        return connection.PublishAsync(subject, body, headers, replyTo, NatsRawSerializer<ReadOnlyMemory<byte>>.Default, cancellationToken: cancellationToken);
    }

    // Sprig's headers take well under this; a smaller body cannot reach max_payload, so it is not measured exactly.
    private const int HeaderAllowance = 4096;

    /// <summary>Returns how many bytes the NATS server counts against max_payload for a frame (headers and body).</summary>
    public static long Size(Frame frame)
    {
        var (headers, body) = FrameCodec.Encode(frame);
        return (headers?.GetBytesLength() ?? 0) + body.Length;
    }

    /// <summary>Returns the frame's size when it exceeds the server's max_payload, or <see langword="null"/> when it fits.</summary>
    public static long? SizeOver(INatsConnection connection, Frame frame)
    {
        if (connection.ServerInfo is not { MaxPayload: > 0 } info || frame.Body.Length + HeaderAllowance <= info.MaxPayload)
        {
            return null;
        }

        var size = Size(frame);
        return size > info.MaxPayload ? size : null;
    }
}
