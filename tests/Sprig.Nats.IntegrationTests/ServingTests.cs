using System.Text.Json;
using NATS.Client.Core;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Rule 1 — serving: every component with endpoints is served on NATS as soon as the worker's Refresh returns; several workers
/// serving one component share the calls, and a new worker takes calls as soon as it has subscribed; a worker that shuts down
/// finishes the calls it has in flight first.
/// </summary>
public sealed class ServingTests
{
    [Fact]
    public async Task Calls_AreAnsweredByBothWorkers_WhenTwoWorkersServeOneComponent()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A");
        await using var caller = await Caller.ConnectAsync(nats);
        var echo = caller.Get<IEchoWorker>();

        // READY is printed right after Refresh returns: the very first call is answered, with no retry.
        (await echo.WhoAmI().Answer(a)).Should().Be(a.Pid, "A is the only worker\n{0}", a.Describe());

        await using var b = await WorkerProcess.StartAsync(nats, "B");
        var answeredBy = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            answeredBy.Add(await echo.WhoAmI().Answer(a, b));
        }

        // A queue group hands each call to one member at random: 40 calls all missing one worker has odds of 2^-39.
        answeredBy.Distinct().Should().BeEquivalentTo([a.Pid, b.Pid], "both workers serve test/EchoWorker, B since its READY line\n{0}\n{1}", a.Describe(), b.Describe());
    }

    [Fact]
    public async Task EveryComponentWithEndpoints_IsANatsService_WhenTheWorkerIsReady()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats);
        await using var raw = new NatsConnection(new NatsOpts { Url = nats.Url, Name = "micro-info" });
        var inbox = $"test.info.{Guid.NewGuid():N}";
        await using var replies = await raw.SubscribeCoreAsync(inbox, serializer: NatsRawSerializer<byte[]>.Default);

        // NATS micro discovery, as `nats micro info` does it: every service answers $SRV.INFO.
        await raw.PublishAsync("$SRV.INFO", Array.Empty<byte>(), replyTo: inbox, serializer: NatsRawSerializer<byte[]>.Default);
        var services = new Dictionary<string, string[]>();
        using var timeout = new CancellationTokenSource(Deadlines.Line);
        await foreach (var reply in replies.Msgs.ReadAllAsync(timeout.Token))
        {
            using var info = JsonDocument.Parse(reply.Data);
            var root = info.RootElement;
            services[root.GetProperty("name").GetString()!] = [.. root.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("subject").GetString()!)];
            if (services.Count == 3)
            {
                break;
            }
        }

        services.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["test-EchoWorker"] = [.. new[] { "echo", "add", "touch", "whoami", "count", "fail", "measure", "make" }.Select(e => $"sprig.test.echoworker.{e}")],
            ["test-HoldWorker"] = [.. new[] { "hold", "peak", "starts", "holdidempotent", "holdonce", "awaitcancel", "streamthenawaitcancel" }.Select(e => $"sprig.test.holdworker.{e}")],
            ["test-StreamWorker"] = ["sprig.test.streamworker.produce", "sprig.test.streamworker.produced"],
        }, "each component with endpoints is a NATS micro service, each endpoint a subject\n{0}", worker.Describe());
    }

    [Fact]
    public async Task Calls_GoToTheRemainingWorker_WhenOneWorkerStops()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var a = await WorkerProcess.StartAsync(nats, "A");
        await using var b = await WorkerProcess.StartAsync(nats, "B");
        await using var caller = await Caller.ConnectAsync(nats);
        var echo = caller.Get<IEchoWorker>();

        (await a.StopAsync()).Should().Be(0, "closing stdin shuts the worker down cleanly\n{0}", a.Describe());
        var answeredBy = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            answeredBy.Add(await echo.WhoAmI().Answer(a, b));
        }

        answeredBy.Should().AllBeEquivalentTo(b.Pid, "A unsubscribed when it stopped\n{0}", b.Describe());
    }

    [Fact]
    public async Task Shutdown_FinishesTheCallInFlight_BeforeTheWorkerExits()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(nats);
        await using var caller = await Caller.ConnectAsync(nats);
        var call = caller.Get<IHoldWorker>().Hold("drain");
        await worker.WaitForLineAsync("STARTED drain ");

        await worker.TerminateAsync();
        await worker.WaitForLineAsync("STOPPING ");
        // The worker has stopped taking calls when a new one finds nothing serving it; the held call is still in flight.
        await Eventually.ThrowsAsync(() => caller.Get<IEchoWorker>().WhoAmI(), 503, "the draining worker to stop taking new calls", worker.Describe);
        await worker.ReleaseAsync("drain");

        (await call.Answer(worker)).Should().Be(new HoldResult(worker.Pid, 1), "SIGTERM drains the calls in flight\n{0}", worker.Describe());
        (await worker.WaitForExitAsync()).Should().Be(0, "the worker shuts down cleanly after draining\n{0}", worker.Describe());
        worker.CountLines("STOPPED ").Should().Be(1);
    }
}
