using DynamoPipeline;
using Sprig;
using Sprig.Web;

// A Dynamo-style graph in one process: Frontend (HTTP controller) -> Processor -> VllmWorker (streaming "generate").
// Run with no arguments to serve on http://127.0.0.1:5000 until Ctrl+C; with --once to serve on a free port, call itself and exit.
var once = args.Contains("--once");
var registry = new PendingRegistry().Register<VllmWorker>().Register<Processor>().Register<Frontend>();
await using var context = new ApplicationContext(registry, SprigConfiguration.CreateDefault([.. args.Where(a => a != "--once")]));
await context.RefreshAsync();
await using var server = await context.ServeAsync(once ? "http://127.0.0.1:0" : context.GetProperty("urls") ?? "http://127.0.0.1:5000");

Console.WriteLine($"Serving {context.Endpoints.Count} endpoints on {server.BaseAddress}");
foreach (var endpoint in context.Endpoints)
{
    Console.WriteLine($"  POST /rpc/{endpoint.Address}{(endpoint.IsStreaming ? "  (streaming)" : "")}");
}

var curl = $"curl -N -X POST {server.BaseAddress}rpc/dynamo/VllmWorker/generate -H 'Content-Type: application/json' -d '{{\"prompt\":\"hello\",\"maxTokens\":5}}'";
if (!once)
{
    Console.WriteLine($"Try: {curl}");
    Console.WriteLine($"  or: curl '{server.BaseAddress}api/complete?prompt=hello'");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    await stop.Task;
    return;
}

using var client = new HttpClient { BaseAddress = server.BaseAddress };
using var request = new HttpRequestMessage(HttpMethod.Post, "rpc/dynamo/VllmWorker/generate")
{
    Content = new StringContent("{\"prompt\":\"hello\",\"maxTokens\":5}", System.Text.Encoding.UTF8, "application/json"),
};
using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
Console.WriteLine($"{curl}  ->  {(int)response.StatusCode} {response.Content.Headers.ContentType}");
using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
while (await reader.ReadLineAsync() is { } line)
{
    Console.WriteLine($"  token: {line}");
}

Console.WriteLine($"GET /api/complete?prompt=hello -> {await client.GetStringAsync("api/complete?prompt=hello")}");
