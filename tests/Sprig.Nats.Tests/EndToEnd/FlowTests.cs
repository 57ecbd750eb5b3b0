using System.Diagnostics;
using System.Text;
using NATS.Client.Core;
using Sprig.Nats.Protocol;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>Heartbeats, acks, cancels and the run queue, against a server with a window of 4, one runner and 500 ms heartbeats (three silent intervals, 1.5 s, mean a dead peer: long enough for a loaded CI machine).</summary>
public sealed class FlowTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const int Window = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly (string, string) Heartbeat = ("Sprig:Nats:HeartbeatInterval", "00:00:00.500");
    private readonly Probe _probe = new();
    private ApplicationContext _server = null!;
    private ApplicationContext _client = null!;
    private NatsConnection _raw = null!;

    private NatsTransport Transport => _client.Get<NatsTransport>();

    public async Task InitializeAsync()
    {
        _server = await Contexts.ServerAsync(nats.Url, _probe, ("Sprig:Nats:StreamWindow", "4"), ("Sprig:Nats:MaxConcurrency", "1"), Heartbeat);
        _client = await Contexts.ClientAsync(nats.Url, Heartbeat);
        _raw = new NatsConnection(new NatsOpts { Url = nats.Url });
        await _raw.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _raw.DisposeAsync();
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Stream_Worker_SendsNoMoreThanTheWindow_AheadOfASlowCaller()
    {
        var taken = new List<int>();
        await foreach (var item in Transport.StreamAsync(new RemoteCall("nt", "Calc", "Endless", default), CancellationToken.None))
        {
            taken.Add(item.GetInt32());
            if (taken.Count == 1)
            {
                // The caller holds item 1 without asking for more: the worker sends items 1-4 and stops at the 5th, or, when the
                // caller's acknowledgement of item 1 reached it first, sends 2-5 and stops at the 6th. Never more.
                await UntilAsync(() => _server.Get<NatsTransport>().BlockedCalls == 1);
                _probe.Produced.Should().BeInRange(Window + 1, Window + 2);
            }

            if (taken.Count == 100)
            {
                break;
            }
        }

        taken.Should().Equal(Enumerable.Range(0, 100));
        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Worker_CancelsAStream_WhoseCallerStopsAcknowledging()
    {
        var inbox = $"_INBOX.test-{Guid.NewGuid():N}";
        await using var replies = await _raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PingAsync();

        await PublishAsync("sprig.nt.calc.endless", Frame.ForStream(default, 2), inbox);

        (await NextFrameAsync(replies)).Should().BeEquivalentTo(new { Kind = FrameKind.Accepted, Window = 2 });
        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Worker_SendsHeartbeats_AndCancelsTheCall_ByItsControlSubject()
    {
        var inbox = $"_INBOX.test-{Guid.NewGuid():N}";
        await using var replies = await _raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PingAsync();

        await PublishAsync("sprig.nt.calc.hold", Frame.ForCall(default), inbox);
        var first = await NextFrameAsync(replies);
        var second = await NextFrameAsync(replies);
        await PublishAsync(first.Control!, Frame.Cancel(inbox));
        var last = await NextFrameAsync(replies, skipHeartbeats: true);

        first.Kind.Should().Be(FrameKind.Heartbeat);
        second.Kind.Should().Be(FrameKind.Heartbeat);
        first.Control.Should().Be(_server.Get<NatsTransport>().Control);
        last.Kind.Should().Be(FrameKind.Error);
        last.Failure!.Status.Should().Be(504);
        last.Failure.Detail.Should().Be("The call of endpoint 'nt/Calc/Hold' was cancelled in the serving process before it finished.");
        await _probe.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Invoke_NeverRuns_WhenCancelledWhileQueued()
    {
        using var holding = new CancellationTokenSource();
        var hold = Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Hold", default), holding.Token);
        await _probe.Started.Task.WaitAsync(Bound);
        await using var watcher = await _raw.SubscribeCoreAsync("sprig.nt.calc.add", serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PingAsync();
        using var queued = new CancellationTokenSource();

        var add = Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 1, b = 1 })), queued.Token);
        await watcher.Msgs.ReadAsync().AsTask().WaitAsync(Bound);   // the request is at the NATS server, queued behind Hold
        await queued.CancelAsync();
        await ((Func<Task>)(() => add)).Should().ThrowAsync<OperationCanceledException>();
        await holding.CancelAsync();
        await ((Func<Task>)(() => hold)).Should().ThrowAsync<OperationCanceledException>();
        var after = await Transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 2, b = 2 })), CancellationToken.None);

        after.GetInt32().Should().Be(4);
        _probe.Calls.Should().Be(1);
    }

    private ValueTask PublishAsync(string subject, Frame frame, string? replyTo = null)
    {
        var (headers, body) = FrameCodec.Encode(frame);
        return _raw.PublishAsync(subject, body, headers, replyTo, NatsRawSerializer<ReadOnlyMemory<byte>>.Default);
    }

    private static async Task<Frame> NextFrameAsync(INatsSub<byte[]> replies, bool skipHeartbeats = false)
    {
        while (true)
        {
            var message = await replies.Msgs.ReadAsync().AsTask().WaitAsync(Bound);
            FrameCodec.TryDecode(message.Headers, message.Data, message.HasNoResponders, out var frame, out var problem).Should().BeTrue(problem);
            if (!skipHeartbeats || frame!.Kind != FrameKind.Heartbeat)
            {
                return frame!;
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.Should().BeLessThan(Bound, "the condition should hold soon");
            await Task.Delay(10);
        }
    }
}
