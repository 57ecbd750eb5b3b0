using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using Sprig;
using Sprig.Nats;
using Sprig.Nats.LoadTest;

// dotnet run -c Release --project tests/Sprig.Nats.LoadTest [-- --calls 5000 --concurrency 32 --items 10000 --rounds 3 --work 2000000 --governance off]
// Starts its own nats-server on a free loopback port. Each case runs raw NATS.Net and Sprig alternately, --rounds times, and
// reports medians. The last case starts this program again as worker processes (--worker URL).
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
// --governance off: every governance setting off (no timeout, retries, breaker or limit), to measure what governance costs.
var governanceOff = string.Equals(options["governance"], "off", StringComparison.OrdinalIgnoreCase);
if (options["worker"] is { } workerUrl)
{
    await using var worker = Context(workerUrl, serve: true);
    Console.WriteLine("READY");
    await Console.In.ReadToEndAsync();
    return;
}

var calls = options.GetValue("calls", 5_000);
var concurrency = options.GetValue("concurrency", 32);
var items = options.GetValue("items", 10_000);
var rounds = options.GetValue("rounds", 3);
var work = options.GetValue("work", 2_000_000);

using var server = await NatsServerProcess.StartAsync();
await using var raw = new NatsConnection(new NatsOpts { Url = server.Url, SubPendingChannelFullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });
await raw.ConnectAsync();
using var stopResponders = new CancellationTokenSource();
var responders = RawResponders(raw, stopResponders.Token);
await raw.PingAsync();

await using (var serving = Context(server.Url, serve: true))
await using (var calling = Context(server.Url, serve: false))
{
    var calculator = calling.Get<ICalculator>();
    var arguments = JsonSerializer.SerializeToUtf8Bytes(new { a = 2, b = 3 });

    async Task RawAdd()
    {
        var reply = await raw.RequestAsync<byte[], byte[]>("raw.add", arguments);
        if (JsonSerializer.Deserialize<int>(reply.Data) != 5)
        {
            throw new InvalidOperationException("raw add answered wrong");
        }
    }

    async Task SprigAdd()
    {
        if (await calculator.Add(2, 3) != 5)
        {
            throw new InvalidOperationException("Sprig add answered wrong");
        }
    }

    async Task RawStream()
    {
        var inbox = raw.NewInbox();
        var received = 0;
        await using var subscription = await raw.SubscribeCoreAsync<byte[]>(inbox);
        await raw.PublishAsync("raw.count", JsonSerializer.SerializeToUtf8Bytes(items), replyTo: inbox);
        await foreach (var message in subscription.Msgs.ReadAllAsync())
        {
            JsonSerializer.Deserialize<int>(message.Data);
            if (++received == items)
            {
                break;
            }
        }
    }

    async Task SprigStream()
    {
        var received = 0;
        await foreach (var item in calculator.Count(items))
        {
            received++;
        }

        if (received != items)
        {
            throw new InvalidOperationException($"Sprig stream ended after {received} of {items} items");
        }
    }

    // Warm-up: JIT, subscriptions, compiled invokers.
    await Measure.ThroughputAsync(2_000, concurrency, RawAdd);
    await Measure.ThroughputAsync(2_000, concurrency, SprigAdd);
    await RawStream();
    await SprigStream();

    var latency = (Raw: new List<double>(), Sprig: new List<double>());
    var throughput = (Raw: new List<double>(), Sprig: new List<double>());
    var streams = (Raw: new List<double>(), Sprig: new List<double>());
    for (var round = 0; round < rounds; round++)
    {
        latency.Raw.Add(await Measure.MedianLatencyAsync(calls, RawAdd));
        latency.Sprig.Add(await Measure.MedianLatencyAsync(calls, SprigAdd));
        throughput.Raw.Add(await Measure.ThroughputAsync(calls * 4, concurrency, RawAdd));
        throughput.Sprig.Add(await Measure.ThroughputAsync(calls * 4, concurrency, SprigAdd));
        streams.Raw.Add(await Measure.RateAsync(items, RawStream));
        streams.Sprig.Add(await Measure.RateAsync(items, SprigStream));
    }

    Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd} {Environment.ProcessorCount} cores, .NET {Environment.Version}, nats-server on loopback, {rounds} rounds (medians)");
    Console.WriteLine("| case | raw NATS.Net | Sprig proxy | Sprig / raw | goal |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    Row("unary latency, one caller (µs)", latency.Raw, latency.Sprig, "<= 1.3x", "0.0");
    Row($"unary throughput, {concurrency} callers (calls/s)", throughput.Raw, throughput.Sprig, ">= 0.8x", "0");
    Row($"stream of {items:N0} ints (items/s)", streams.Raw, streams.Sprig, ">= 0.7x", "0");
}

await stopResponders.CancelAsync();

// Two worker processes against one, for a CPU-bound endpoint: reported, not asserted (this machine has 2 cores).
var scaling = new List<double>();
foreach (var workers in new[] { 1, 2 })
{
    var processes = Enumerable.Range(0, workers).Select(_ => StartWorker(server.Url)).ToList();
    try
    {
        await using var calling = Context(server.Url, serve: false);
        var calculator = calling.Get<ICalculator>();
        var expected = Calculator.Burn(work);
        async Task Work()
        {
            if (await calculator.Work(work) != expected)
            {
                throw new InvalidOperationException("Work answered wrong");
            }
        }

        await Measure.ThroughputAsync(50, concurrency, Work);
        scaling.Add(Measure.Median(await Rounds(() => Measure.ThroughputAsync(400, concurrency, Work))));
    }
    finally
    {
        foreach (var process in processes)
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}

Console.WriteLine($"| CPU-bound `Work({work:N0})`, {concurrency} callers (calls/s) | 1 worker: {scaling[0]:0} | 2 workers: {scaling[1]:0} | {scaling[1] / scaling[0]:0.00}x | reported |");
await responders;
return;

void Row(string name, List<double> rawValues, List<double> sprigValues, string goal, string format)
{
    var (r, s) = (Measure.Median(rawValues), Measure.Median(sprigValues));
    Console.WriteLine($"| {name} | {r.ToString(format)} | {s.ToString(format)} | {s / r:0.00}x | {goal} |");
}

async Task<List<double>> Rounds(Func<Task<double>> run)
{
    var results = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        results.Add(await run());
    }

    return results;
}

ApplicationContext Context(string url, bool serve)
{
    var settings = new Dictionary<string, string?>
    {
        ["Sprig:Nats:Url"] = url,
        ["Sprig:Nats:Serve"] = serve ? "true" : "false",
    };
    if (governanceOff)
    {
        foreach (var setting in new[] { "TimeoutMs", "Retries", "BreakAfterFailures", "MaxConcurrency" })
        {
            settings[$"Sprig:Governance:Defaults:{setting}"] = "-1";
        }
    }

    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var registry = new PendingRegistry().AddNats();
    if (serve)
    {
        registry.Register<Calculator>();
    }

    var context = new ApplicationContext(registry, configuration, NullLoggerFactory.Instance);
    context.Refresh();
    return context;
}

static Process StartWorker(string url)
{
    var process = Process.Start(new ProcessStartInfo("dotnet", [typeof(Calculator).Assembly.Location, "--worker", url])
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
    })!;
    if (process.StandardOutput.ReadLine() != "READY")
    {
        throw new InvalidOperationException("A worker process did not start.");
    }

    return process;
}

static Task RawResponders(NatsConnection nats, CancellationToken cancellationToken) => Task.WhenAll(
    Task.Run(async () =>
    {
        await foreach (var message in nats.SubscribeAsync<byte[]>("raw.add", queueGroup: "q", cancellationToken: cancellationToken))
        {
            var sum = JsonSerializer.Deserialize<AddArguments>(message.Data, JsonSerializerOptions.Web)!;
            await message.ReplyAsync(JsonSerializer.SerializeToUtf8Bytes(sum.A + sum.B), cancellationToken: cancellationToken);
        }
    }, cancellationToken),
    Task.Run(async () =>
    {
        await foreach (var message in nats.SubscribeAsync<byte[]>("raw.count", queueGroup: "q", cancellationToken: cancellationToken))
        {
            var count = JsonSerializer.Deserialize<int>(message.Data);
            for (var i = 0; i < count; i++)
            {
                await nats.PublishAsync(message.ReplyTo!, JsonSerializer.SerializeToUtf8Bytes(i), cancellationToken: cancellationToken);
            }
        }
    }, cancellationToken)).ContinueWith(_ => { }, TaskScheduler.Default);

internal sealed record AddArguments(int A, int B);
