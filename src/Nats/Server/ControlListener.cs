using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;

namespace Sprig.Nats.Server;

/// <summary>
/// Takes the callers' acks and cancels: at this process's control subject (which its frames advertise), and at the broadcast
/// subject where a caller sends a cancel before it has heard from the worker. Malformed messages are logged and ignored.
/// </summary>
internal sealed class ControlListener(INatsConnection connection, LiveCalls live, ILogger logger) : IAsyncDisposable
{
    private readonly List<INatsSub<byte[]>> _subscriptions = [];
    private readonly List<Task> _loops = [];

    public async Task StartAsync(string control, CancellationToken cancellationToken)
    {
        foreach (var subject in new[] { control, NatsSubjects.ControlBroadcast })
        {
            var subscription = await connection.SubscribeCoreAsync(subject, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            _subscriptions.Add(subscription);
            _loops.Add(Task.Run(() => ReadAsync(subscription), CancellationToken.None));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task ReadAsync(INatsSub<byte[]> subscription)
    {
        await foreach (var message in subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
        {
            if (!FrameCodec.TryDecode(message.Headers, message.Data, message.HasNoResponders, out var frame, out var problem))
            {
                NatsLog.ControlIgnored(logger, message.Subject, problem);
                continue;
            }

            try
            {
                switch (frame.Kind)
                {
                    case FrameKind.Ack:
                        live.Acknowledge(frame.Call!, frame.Sequence);
                        break;
                    case FrameKind.Cancel:
                        live.Cancel(frame.Call!);
                        break;
                    default:
                        NatsLog.ControlIgnored(logger, message.Subject, $"a '{FrameCodec.Name(frame.Kind)}' frame is not a control message");
                        break;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad control message must not stop acks and cancels for every other call.
                NatsLog.ControlIgnored(logger, message.Subject, ex.Message);
            }
        }
    }
}
