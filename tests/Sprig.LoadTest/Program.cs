using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig;
using Sprig.LoadTest;
using Sprig.Web;

// dotnet run -c Release --project tests/Sprig.LoadTest [-- --requests 20000 --concurrency 32 --rounds 3]
// Both servers run in this process on loopback; rounds alternate so that neither always runs warm or cold.
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
var requests = options.GetValue("requests", 20_000);
var concurrency = options.GetValue("concurrency", 32);
var rounds = options.GetValue("rounds", 3);
// Request logging off on both servers: the test measures serving, not the console.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");

var context = new ApplicationContext(new PendingRegistry().Register<Calculator>(), new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
context.Refresh();
await using var sprig = await context.ServeAsync("http://127.0.0.1:0");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<Calculator>();
await using var minimal = builder.Build();
minimal.MapPost("/add", (AddRequest body, Calculator calculator) => calculator.Add(body.A, body.B));
await minimal.StartAsync();
var minimalAddress = new Uri(minimal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
using var sprigClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = sprig.BaseAddress };
using var minimalClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = minimalAddress };

// Warm-up: JIT, connection pools, compiled invokers.
await LoadGenerator.RunAsync(sprigClient, "/rpc/default/Calculator/add", 2_000, concurrency);
await LoadGenerator.RunAsync(minimalClient, "/add", 2_000, concurrency);

var sprigRates = new List<double>();
var minimalRates = new List<double>();
for (var round = 0; round < rounds; round++)
{
    minimalRates.Add(await LoadGenerator.RunAsync(minimalClient, "/add", requests, concurrency));
    sprigRates.Add(await LoadGenerator.RunAsync(sprigClient, "/rpc/default/Calculator/add", requests, concurrency));
}

var sprigMedian = sprigRates.Order().ElementAt(rounds / 2);
var minimalMedian = minimalRates.Order().ElementAt(rounds / 2);
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd} {Environment.ProcessorCount} cores, .NET {Environment.Version}, {requests} requests x {rounds} rounds, {concurrency} concurrent clients");
Console.WriteLine($"| server | requests/s (median) | rounds |");
Console.WriteLine($"|---|---|---|");
Console.WriteLine($"| hand-written minimal API `POST /add` | {minimalMedian:0} | {string.Join(", ", minimalRates.Select(r => r.ToString("0")))} |");
Console.WriteLine($"| Sprig RPC `POST /rpc/default/Calculator/add` | {sprigMedian:0} | {string.Join(", ", sprigRates.Select(r => r.ToString("0")))} |");
Console.WriteLine($"Sprig / minimal API = {sprigMedian / minimalMedian:0.00} (goal >= 0.90)");
await context.DisposeAsync();
