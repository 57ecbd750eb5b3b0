using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>A worker on a nats-server whose max_payload is 64 KiB, so that oversized messages are cheap to make.</summary>
public sealed class SmallPayloadWorker : WorkerFixture
{
    public const int Limit = 64 * 1024;

    protected override int? MaxPayload => Limit;
}

/// <summary>
/// Rule 5 — bad input from the wire: malformed JSON, messages that are not Sprig requests, a request or an answer over the
/// server's max payload. Each is an error answer to that caller, and the worker keeps serving: every test ends with a good call.
/// The raw messages are published with NATS.Client.Core, as a foreign or buggy client would send them.
/// </summary>
public sealed class BadInputTests(SmallPayloadWorker fixture) : IClassFixture<SmallPayloadWorker>
{
    private const string EchoSubject = "sprig.test.echoworker.echo";

    [Fact]
    public async Task MalformedJson_IsAnswered400InTheWordsOfALocalCall_AndTheWorkerKeepsServing()
    {
        var body = """{"text": "unterminated"""u8.ToArray();

        var reply = await RawRequestAsync(EchoSubject, body, Call);

        reply.Kind.Should().Be("error");
        reply.Status.Should().Be(400);
        reply.Detail.Should().Be(await LocalMalformedJsonMessageAsync("test/EchoWorker/Echo", body));
        reply.Parameter.Should().Be("text");
        await EchoStillWorksAsync();
    }

    [Theory]
    [InlineData("gossip", "unknown Sprig-Frame 'gossip'")]
    [InlineData("ack", "a 'ack' frame needs a Sprig-Seq header")]
    [InlineData("result", "a 'result' frame was sent to an endpoint's subject")]
    public async Task MessageThatIsNotASprigRequest_IsAnswered400_AndTheWorkerKeepsServing(string frame, string problem)
    {
        var reply = await RawRequestAsync(EchoSubject, "\"hi\""u8.ToArray(), new NatsHeaders { ["Sprig-Frame"] = frame });

        reply.Kind.Should().Be("error");
        reply.Status.Should().Be(400);
        reply.Detail.Should().Be(Messages.BadRequest("test/EchoWorker/Echo", problem));
        await EchoStillWorksAsync();
    }

    [Fact]
    public async Task RequestWithoutAReplySubject_IsDropped_AndTheWorkerKeepsServing()
    {
        await using var raw = await ConnectRawAsync();

        await raw.PublishAsync(EchoSubject, "\"nobody listens\""u8.ToArray(), Call, serializer: NatsRawSerializer<byte[]>.Default);
        await raw.PublishAsync(EchoSubject, "{{{{"u8.ToArray(), Call, serializer: NatsRawSerializer<byte[]>.Default);
        await raw.PingAsync();

        await EchoStillWorksAsync();
    }

    [Fact]
    public async Task UnaryCallOfAStreamingEndpoint_Throws400_AndTheWorkerKeepsServing()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Invoking(c => c.Endpoints.InvokeAsync("test/StreamWorker/Produce", Caller.Arguments(new { tag = "shape", count = 1 })).WaitAsync(Deadlines.Call))
            .Should().ThrowAsync<EndpointBindingException>();

        thrown.WithMessage(Messages.WrongShape("test/StreamWorker/Produce", streaming: true));
        thrown.Which.StatusCode.Should().Be(400);
        await EchoStillWorksAsync();
    }

    [Fact]
    public async Task RequestOverTheMaxPayload_Throws400ToThatCaller_AndTheWorkerKeepsServing()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Get<IEchoWorker>().Invoking(e => e.Measure(new string('x', 100_000)).WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>();

        thrown.WithMessage(Messages.ArgumentsTooLarge("test/EchoWorker/Measure", "*", SmallPayloadWorker.Limit));
        thrown.Which.StatusCode.Should().Be(400);
        (await caller.Get<IEchoWorker>().Measure(new string('x', 1_000)).Answer(fixture.Worker)).Should().Be(1_000, "a request under the limit goes through");
        await EchoStillWorksAsync();
    }

    [Fact]
    public async Task AnswerOverTheMaxPayload_Throws500ToThatCaller_AndTheWorkerKeepsServing()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);

        var thrown = await caller.Get<IEchoWorker>().Invoking(e => e.Make(100_000).WaitAsync(Deadlines.Call)).Should().ThrowAsync<EndpointCallException>();

        thrown.WithMessage(Messages.RemoteFailed(
            "test/EchoWorker/Make", 500, Messages.ResultTooLarge("test/EchoWorker/Make", "result", "*", SmallPayloadWorker.Limit), Messages.Via(fixture.Server)));
        thrown.Which.StatusCode.Should().Be(500);
        (await caller.Get<IEchoWorker>().Make(1_000).Answer(fixture.Worker)).Should().HaveLength(1_000, "an answer under the limit goes through");
        await EchoStillWorksAsync();
    }

    private static NatsHeaders Call => new() { ["Sprig-Frame"] = "call" };

    private async Task EchoStillWorksAsync()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        (await caller.Get<IEchoWorker>().Echo("still serving").Answer(fixture.Worker)).Should().Be("still serving");
        fixture.Worker.HasExited.Should().BeFalse();
    }

    private async Task<NatsConnection> ConnectRawAsync()
    {
        var raw = new NatsConnection(new NatsOpts { Url = fixture.Server.Url, Name = "raw-test-client" });
        await raw.ConnectAsync();
        return raw;
    }

    // Publishes a request with a reply subject of its own and returns the first answer that is not a heartbeat (a worker sends
    // heartbeats to the reply subject while a call is queued or running, so the first message need not be the answer).
    private async Task<RawReply> RawRequestAsync(string subject, byte[] body, NatsHeaders headers)
    {
        await using var raw = await ConnectRawAsync();
        var inbox = $"test.raw.{Guid.NewGuid():N}";
        await using var replies = await raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);
        await raw.PublishAsync(subject, body, headers, inbox, NatsRawSerializer<byte[]>.Default);
        using var timeout = new CancellationTokenSource(Deadlines.Line);
        await foreach (var reply in replies.Msgs.ReadAllAsync(timeout.Token))
        {
            var kind = reply.Headers?.TryGetValue("Sprig-Frame", out var frame) == true ? frame.ToString() : null;
            if (kind == "heartbeat")
            {
                continue;
            }

            using var json = JsonDocument.Parse(reply.Data ?? []);
            var root = json.RootElement;
            return new RawReply(
                kind,
                root.GetProperty("status").GetInt32(),
                root.GetProperty("detail").GetString(),
                root.TryGetProperty("parameter", out var parameter) ? parameter.GetString() : null);
        }

        throw new InvalidOperationException($"No answer to the raw request on '{subject}'.\n{fixture.Worker.Describe()}");
    }

    // What a host in this process says about the same bytes: the worker must say it in the same words.
    private static async Task<string> LocalMalformedJsonMessageAsync(string address, byte[] body)
    {
        await using var local = new ApplicationContext(new PendingRegistry().Register<EchoWorker>(), new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
        await local.RefreshAsync();
        try
        {
            JsonSerializer.Deserialize<JsonElement>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return EndpointBindingException.MalformedJson(local.Endpoints.Find(address)!, ex).Message;
        }

        throw new InvalidOperationException($"'{Encoding.UTF8.GetString(body)}' parsed; the test's premise is wrong.");
    }

    private sealed record RawReply(string? Kind, int Status, string? Detail, string? Parameter);
}
