using DynamoPipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sprig;
using Sprig.Nats;
using Sprig.Web;

// A Dynamo-style graph: Frontend (HTTP controller) -> Processor -> VllmWorker (streaming "generate").
// One process by default. With --role frontend|processor|worker and --Sprig:Nats:Url=nats://127.0.0.1:4222, each role runs in a
// process of its own and the same code calls the others over NATS.
// --once: serve on a free port, call the pipeline through HTTP, print the answers and exit (the frontend or the single process).
// --trace: print Sprig's activities with OpenTelemetry's console exporter; across processes they share one trace id.
// --environment=Development: the frontend's diagnostics (app.MapSprigDiagnostics()) at http://127.0.0.1:5000/sprig — the
// dependency graph, start-up timeline, conditions, endpoints, health and configuration — are open; in any other environment
// they need a signed-in user, and this sample signs nobody in (401).
var once = args.Contains("--once");
var trace = args.Contains("--trace");
var configuration = SprigConfiguration.CreateDefault([.. args.Where(a => a is not ("--once" or "--trace"))]);
var role = configuration["role"] ?? "all";
if (role is not ("all" or "frontend" or "processor" or "worker"))
{
    Console.Error.WriteLine($"Unknown role '{role}': use --role frontend, processor or worker (or no --role for one process).");
    return 2;
}

if (role != "all" && configuration["Sprig:Nats:Url"] is null)
{
    Console.Error.WriteLine($"The {role} role calls and serves the other roles over NATS: add --Sprig:Nats:Url=nats://127.0.0.1:4222 "
        + "(start a server with 'nats-server -a 127.0.0.1 -p 4222'), or leave out --role to run the whole pipeline in one process.");
    return 2;
}

// "Microsoft.AspNetCore" records the frontend's HTTP requests: Sprig's spans are their children, and OpenTelemetry's default
// sampler drops the children of a request nobody records.
using var tracing = trace
    ? Sdk.CreateTracerProviderBuilder().ConfigureResource(r => r.AddService($"dynamo-{role}")).AddSource("Sprig", "Microsoft.AspNetCore").AddConsoleExporter().Build()
    : null;
var registry = new PendingRegistry().AddNats();
if (role is "all" or "worker")
{
    registry.Register<VllmWorker>();
}

if (role is "all" or "processor")
{
    registry.Register<Processor>();
}

if (role is "all" or "frontend")
{
    registry.Register<Frontend>();
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
// SIGTERM (docker stop, kill) shuts down like Ctrl+C: the context drains its calls in flight before the process ends.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.TrySetResult();
});

if (role is "processor" or "worker")
{
    await using var serving = new ApplicationContext(registry, configuration);
    await serving.RefreshAsync();
    Console.WriteLine($"{role}: serving {string.Join(", ", serving.Endpoints.Select(e => e.Address))} over NATS at {serving.GetProperty("Sprig:Nats:Url")}");
    await stop.Task;
    return 0;
}

// The frontend (or the whole pipeline) is a WebApplication whose container is the context: MapSprig serves its endpoints and
// controllers, MapSprigDiagnostics its diagnostics. The environment is the configuration's (--environment=Development).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    EnvironmentName = Sprig.Hosting.SprigHosting.EnvironmentName(configuration) ?? Environments.Production,
});
builder.WebHost.UseUrls(once ? "http://127.0.0.1:0" : configuration["urls"] ?? "http://127.0.0.1:5000");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning);
// One configuration for the application and the context: components that inject IConfiguration (the NATS transport) get
// the builder's, so it carries the sample's sources (appsettings, YAML, environment, command line) too.
builder.Configuration.AddConfiguration(configuration);
builder.UseSprig(new ApplicationContext(registry, builder.Configuration));
await using var app = builder.Build();
app.MapSprig();
app.MapSprigDiagnostics();
await app.StartAsync();
var context = (ApplicationContext)app.Services;
var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
Console.WriteLine($"{role}: serving {context.Endpoints.Count} endpoints on {baseAddress}");
foreach (var endpoint in context.Endpoints)
{
    Console.WriteLine($"  POST /rpc/{endpoint.Address}{(endpoint.IsStreaming ? "  (streaming)" : "")}");
}

Console.WriteLine(app.Environment.IsDevelopment()
    ? $"Diagnostics: {baseAddress}sprig (JSON at {baseAddress}sprig/health, /components, /graph?format=mermaid, ...)"
    : $"Diagnostics: {baseAddress}sprig needs a signed-in user in {app.Environment.EnvironmentName}; run with --environment=Development to open it.");

if (!once)
{
    if (role == "all")
    {
        Console.WriteLine($"Try: curl -N -X POST {baseAddress}rpc/dynamo/VllmWorker/generate -H 'Content-Type: application/json' -d '{{\"prompt\":\"hello\",\"maxTokens\":5}}'");
    }

    Console.WriteLine($"Try: curl '{baseAddress}api/complete?prompt=hello'");
    await stop.Task;
    await app.StopAsync();
    return 0;
}

using var client = new HttpClient { BaseAddress = baseAddress };
if (role == "all")
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "rpc/dynamo/VllmWorker/generate")
    {
        Content = new StringContent("{\"prompt\":\"hello\",\"maxTokens\":5}", System.Text.Encoding.UTF8, "application/json"),
    };
    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    Console.WriteLine($"POST /rpc/dynamo/VllmWorker/generate  ->  {(int)response.StatusCode} {response.Content.Headers.ContentType}");
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    while (await reader.ReadLineAsync() is { } line)
    {
        Console.WriteLine($"  token: {line}");
    }
}

Console.WriteLine($"GET /api/complete?prompt=hello -> {await client.GetStringAsync("api/complete?prompt=hello")}");
if (app.Environment.IsDevelopment())
{
    using var health = await client.GetAsync("sprig/health");
    Console.WriteLine($"GET /sprig/health -> {(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}");
    var mappings = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("sprig/mappings"))!;
    Console.WriteLine($"GET /sprig/mappings -> NATS subjects: {string.Join(", ", mappings["nats"]!.AsArray().Select(n => (string?)n!["subject"]))}");
}

await app.StopAsync();
return 0;
