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

// Sprig.Web under Native AOT: the context is the application's container (UseSprig), its [Endpoint]s and [Controller] actions are served
// over HTTP (MapSprig), the actions through the request delegates Sprig.Generator wrote for them.
// --self-test: serve on a free loopback port, call the endpoints through HTTP (good and bad requests), print what came back, exit.
PendingRegistry.Instance.RegisterInstance("appJson", AppJson.Default);
var selfTest = args.Contains("--self-test");
var builder = WebApplication.CreateSlimBuilder([.. args.Where(a => a != "--self-test")]);
if (selfTest)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default));
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
await Call("place", """{"item":"a book with a name longer than the contract's limit","quantity":1}""");
await Call("count", """        3""");
await Send(HttpMethod.Get, "/books/1", null);
await Send(HttpMethod.Get, "/books/9", null);
await Send(HttpMethod.Get, "/books/abc", null);
await Send(HttpMethod.Post, "/books", """{"id":2,"title":"Emma"}""");
await Send(HttpMethod.Get, "/books/list", null);
await Send(HttpMethod.Get, "/books/price?item=book&quantity=3", null);
await Send(HttpMethod.Get, "/books/price", null);
await Send(HttpMethod.Put, "/books/1", null);
await Send(HttpMethod.Post, "/books/memo", """{"text":"short"}""");
await Send(HttpMethod.Post, "/books/memo", """{"text":"a memo longer than its limit"}""");
await Send(HttpMethod.Post, "/books/file", """{"id":3,"title":"Emma"}""");
await Send(HttpMethod.Post, "/books/report", "1");
await Send(HttpMethod.Post, "/books/dispose", null);
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

// Calls a controller's route and prints the answer as Call does.
async Task Send(HttpMethod method, string path, string? json)
{
    using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
    using var response = await http.SendAsync(request);
    Console.WriteLine($"{method} {path}{(json is null ? "" : " " + json)} -> {await Describe(response)}");
}

// The status, the content type and the body; of a problem, its title and detail (its traceId differs on every run).
async Task<string> Describe(HttpResponseMessage response)
{
    var body = await response.Content.ReadAsStringAsync();
    var type = response.Content.Headers.ContentType?.MediaType;
    if (type == "application/problem+json")
    {
        using var problem = JsonDocument.Parse(body);
        body = $"{problem.RootElement.GetProperty("title").GetString()} | {problem.RootElement.GetProperty("detail").GetString()}";
    }

    return $"{(int)response.StatusCode} {type}: {body}";
}

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
