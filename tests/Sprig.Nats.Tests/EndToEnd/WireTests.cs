using System.Text;
using System.Threading.Channels;
using NATS.Client.Core;
using Sprig.Nats.Protocol;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>What a broken or foreign peer sends: the worker answers bad input with an error and goes on serving; a silent worker is a 502.</summary>
public sealed class WireTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private ApplicationContext _server = null!;
    private NatsConnection _raw = null!;

    private string Via => $"NATS {nats.Url}";

    public async Task InitializeAsync()
    {
        _server = await Contexts.ServerAsync(nats.Url, new Probe());
        _raw = new NatsConnection(new NatsOpts { Url = nats.Url });
        await _raw.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _raw.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Worker_Answers400_ToMalformedJsonArguments_AndGoesOnServing()
    {
        var answer = await RequestAsync("sprig.nt.calc.add", Headers(("Sprig-Frame", "call")), "{\"a\": 1,");

        answer.Kind.Should().Be(FrameKind.Error);
        answer.Failure!.Status.Should().Be(400);
        answer.Failure.Detail.Should().StartWith("The arguments of endpoint 'nt/Calc/Add' are not valid JSON");
        await ShouldStillServeAsync();
    }

    [Theory]
    [InlineData("unknown kind", "launch", "The request for 'nt/Calc/Add' is not a valid Sprig NATS request: unknown Sprig-Frame 'launch'. Caller and server must use the same Sprig.Nats protocol.")]
    [InlineData("answer kind", "result", "The request for 'nt/Calc/Add' is not a valid Sprig NATS request: a 'result' frame was sent to an endpoint's subject. Caller and server must use the same Sprig.Nats protocol.")]
    public async Task Worker_Answers400_ToAMessageThatIsNotARequest_AndGoesOnServing(string because, string? kind, string detail)
    {
        var headers = Headers(("Sprig-Frame", kind!), ("Sprig-Control", "sprig._ctl.x"));

        var answer = await RequestAsync("sprig.nt.calc.add", headers, "{\"a\":1,\"b\":2}");

        answer.Kind.Should().Be(FrameKind.Error, because);
        answer.Failure!.Status.Should().Be(400);
        answer.Failure.Detail.Should().Be(detail);
        await ShouldStillServeAsync();
    }

    [Fact]
    public async Task Worker_IgnoresARequestWithoutReplySubject_AndGoesOnServing()
    {
        var (headers, body) = FrameCodec.Encode(Frame.ForCall(Encoding.UTF8.GetBytes("{\"a\":1,\"b\":2}")));
        await _raw.PublishAsync("sprig.nt.calc.add", body, headers, serializer: NatsRawSerializer<ReadOnlyMemory<byte>>.Default);

        await ShouldStillServeAsync();
    }

    [Fact]
    public async Task Worker_IgnoresMalformedControlMessages_AndGoesOnServing()
    {
        var control = _server.Get<NatsTransport>().Control!;
        await _raw.PublishAsync(control, "junk"u8.ToArray(), Headers(("Sprig-Frame", "ack")), serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PublishAsync(NatsSubjects.ControlBroadcast, "junk"u8.ToArray(), serializer: NatsRawSerializer<byte[]>.Default);

        await ShouldStillServeAsync();
    }

    [Fact]
    public async Task Caller_Throws502_WhenTheWorkerFallsSilent_AndDoesNotRetryANonIdempotentCall()
    {
        await using var client = await Contexts.ClientAsync(nats.Url, ("Sprig:Nats:HeartbeatInterval", "00:00:00.100"));
        var requests = Channel.CreateUnbounded<NatsMsg<byte[]>>();
        await using var blackHole = await _raw.SubscribeCoreAsync("sprig.nt.silent.run", "q", NatsRawSerializer<byte[]>.Default);
        var swallow = PumpAsync(blackHole, requests);
        await _raw.PingAsync();

        var act = () => client.Get<NatsTransport>().InvokeAsync(new RemoteCall("nt", "Silent", "run", default), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.StatusCode.Should().Be(502);
        thrown.Message.Should().Be(
            $"The process serving 'nt/Silent/run' through {Via} stopped answering mid-call (no message for 0.3 s; it sends a heartbeat every "
            + "Sprig:Nats:HeartbeatInterval while a call runs). The call may or may not have run there; mark the endpoint "
            + "[Endpoint(Idempotent = true)] if it is safe to run again, so that it is retried on another instance.");
        await blackHole.UnsubscribeAsync();
        await swallow;
        requests.Reader.Count.Should().Be(1);
    }

    [Fact]
    public async Task Governance_RetriesAnIdempotentCall_WhenTheWorkerFallsSilent()
    {
        await using var client = await Contexts.ClientAsync(nats.Url, ("Sprig:Nats:HeartbeatInterval", "00:00:00.100"));
        await using var flaky = await _raw.SubscribeCoreAsync("sprig.nt.flaky.run", "q", NatsRawSerializer<byte[]>.Default);
        var answering = AnswerSecondAsync(flaky);
        await _raw.PingAsync();

        // The transport makes one attempt; governance retries the idempotent call, and the queue group gives it to another subscriber.
        var result = await client.Remote.InvokeAsync(new RemoteCall("nt", "Flaky", "run", default) { Idempotent = true }, CancellationToken.None);

        result.GetInt32().Should().Be(7);
        await answering.WaitAsync(Bound);
    }

    [Fact]
    public async Task Services_AreVisibleToNatsMicro_OnePerComponent_InQueueGroupQ()
    {
        var inbox = $"_INBOX.test-{Guid.NewGuid():N}";
        await using var replies = await _raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PingAsync();

        await _raw.PublishAsync("$SRV.INFO.nt-Calc", Array.Empty<byte>(), replyTo: inbox, serializer: NatsRawSerializer<byte[]>.Default);
        var message = await replies.Msgs.ReadAsync().AsTask().WaitAsync(Bound);

        using var info = System.Text.Json.JsonDocument.Parse(message.Data);
        info.RootElement.GetProperty("name").GetString().Should().Be("nt-Calc");
        var endpoints = info.RootElement.GetProperty("endpoints").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => (e.GetProperty("subject").GetString(), e.GetProperty("queue_group").GetString()));
        endpoints.Should().Contain("Add", ("sprig.nt.calc.add", "q")).And.Contain("Count", ("sprig.nt.calc.count", "q"));
    }

    private static async Task PumpAsync(INatsSub<byte[]> subscription, Channel<NatsMsg<byte[]>> into)
    {
        await foreach (var message in subscription.Msgs.ReadAllAsync())
        {
            into.Writer.TryWrite(message);
        }
    }

    /// <summary>Swallows the first request (a worker that dies with it) and answers the second.</summary>
    private async Task AnswerSecondAsync(INatsSub<byte[]> subscription)
    {
        var seen = 0;
        await foreach (var message in subscription.Msgs.ReadAllAsync())
        {
            if (++seen == 2)
            {
                await FramePublisher.PublishAsync(_raw, message.ReplyTo!, Frame.Result("sprig._ctl.fake", "7"u8.ToArray()));
                return;
            }
        }
    }

    [Theory]
    [InlineData("no headers", false)]
    [InlineData("headers of another tool", true)]
    public async Task Worker_AnswersAPlainRequestAsAUnaryCall_SoAnyNatsClientCanCallAnEndpoint(string because, bool foreignHeaders)
    {
        var headers = foreignHeaders ? new NatsHeaders { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } : null;

        var reply = await _raw.RequestAsync<byte[], byte[]>("sprig.nt.calc.add", Encoding.UTF8.GetBytes("{\"a\":1,\"b\":2}"), headers,
            requestSerializer: NatsRawSerializer<byte[]>.Default, replySerializer: NatsRawSerializer<byte[]>.Default);

        reply.Headers.Should().BeNull(because);
        Encoding.UTF8.GetString(reply.Data!).Should().Be("3", because);
    }

    private async Task ShouldStillServeAsync()
    {
        var (headers, body) = FrameCodec.Encode(Frame.ForCall(Encoding.UTF8.GetBytes("{\"a\":1,\"b\":2}")));
        var answer = await RequestAsync("sprig.nt.calc.add", headers, Encoding.UTF8.GetString(body.Span));
        answer.Kind.Should().Be(FrameKind.Result);
        Encoding.UTF8.GetString(answer.Body.Span).Should().Be("3");
    }

    /// <summary>Sends a raw request and returns the first frame answering it.</summary>
    private async Task<Frame> RequestAsync(string subject, NatsHeaders? headers, string body)
    {
        var inbox = $"_INBOX.test-{Guid.NewGuid():N}";
        await using var replies = await _raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);
        await _raw.PingAsync();
        await _raw.PublishAsync(subject, Encoding.UTF8.GetBytes(body), headers, inbox, NatsRawSerializer<byte[]>.Default);
        var message = await replies.Msgs.ReadAsync().AsTask().WaitAsync(Bound);
        FrameCodec.TryDecode(message.Headers, message.Data, message.HasNoResponders, out var frame, out var problem, FrameKind.Result).Should().BeTrue(problem);
        return frame!;
    }

    private static NatsHeaders Headers(params (string Key, string Value)[] headers)
    {
        var result = new NatsHeaders();
        foreach (var (key, value) in headers)
        {
            result[key] = value;
        }

        return result;
    }
}
