using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AotWebSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sprig;
using Sprig.Web;

// Sprig.Web under Native AOT: the context is the application's container (UseSprig), its [Endpoint]s are served over HTTP (MapSprig).
// --self-test: serve on a free loopback port, call the endpoints through HTTP (good and bad requests), print what came back, exit.
PendingRegistry.Instance.RegisterInstance("appJson", AppJson.Default);
var selfTest = args.Contains("--self-test");
var builder = WebApplication.CreateSlimBuilder([.. args.Where(a => a != "--self-test")]);
if (selfTest)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.UseSprig();
var app = builder.Build();
app.MapSprig();
if (!selfTest)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
await Call("place", """{"item":"book","quantity":2}""");
await Call("place", """{"item":"book","quantity":0}""");
await Call("place", """{"item":"book","quantity":"two"}""");
await Call("place", """{"item":""");
await Call("plaec", """{"item":"book","quantity":2}""");
await Call("count", """3""");
using (var catalog = await http.GetAsync("/rpc"))
{
    Console.WriteLine($"GET /rpc -> {(int)catalog.StatusCode} {await catalog.Content.ReadAsStringAsync()}");
}

// A second context, as another process would have it: only the contract, bound to this server's address.
var clientSettings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Sprig:Remotes:default:Orders:Url"] = address, ["Logging:LogLevel:Default"] = "None" })
    .Build();
await using (var client = new ApplicationContext(new PendingRegistry().Register<Cashier>().RegisterInstance("appJson", AppJson.Default), clientSettings))
{
    await client.RefreshAsync();
    var cashier = client.Get<Cashier>();
    Console.WriteLine($"remote place through the {cashier.ProxyKind} -> {await cashier.SellAsync("pen", 3)}");
}

await app.StopAsync();
return 0;

// Prints the status, the content type and the body; of a problem, its title and detail (its traceId differs on every run).
async Task Call(string endpoint, string json)
{
    using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    using var response = await http.PostAsync($"/rpc/default/Orders/{endpoint}", content);
    var body = await response.Content.ReadAsStringAsync();
    var type = response.Content.Headers.ContentType?.MediaType;
    if (type == "application/problem+json")
    {
        using var problem = JsonDocument.Parse(body);
        // A 500's detail only quotes the trace id (exception details stay in the log outside Development).
        body = response.StatusCode == System.Net.HttpStatusCode.InternalServerError
            ? $"{problem.RootElement.GetProperty("title").GetString()} | traceId {(problem.RootElement.TryGetProperty("traceId", out _) ? "present" : "missing")}"
            : $"{problem.RootElement.GetProperty("title").GetString()} | {problem.RootElement.GetProperty("detail").GetString()}";
    }

    Console.WriteLine($"{endpoint} {json} -> {(int)response.StatusCode} {type}: {body.TrimEnd().Replace("\n", "\\n", StringComparison.Ordinal)}");
}
