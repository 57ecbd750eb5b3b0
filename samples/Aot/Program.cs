using System.Text.Json;
using AotSample;
using Sprig;

// The components come from this assembly's generated registry: no scanning, no reflection emit, the same under JIT and Native AOT.
// The endpoint's JSON metadata is a component too: refresh puts every IJsonTypeInfoResolver component first in line.
PendingRegistry.Instance.RegisterInstance("sampleJson", SampleJson.Default);
var started = System.Diagnostics.Stopwatch.GetTimestamp();
await using var context = new ApplicationContext();
await context.RefreshAsync();
if (args.Contains("--timing"))
{
    // new ApplicationContext() (configuration, logging) plus Refresh(), in this fresh process: README, "Native AOT".
    Console.Error.WriteLine($"context + refresh: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds:F0} µs");
}

foreach (var line in context.Get<Startup>().Log)
{
    Console.WriteLine(line);
}

Console.WriteLine($"Loud: {(context.Contains("Shouter") ? context.Get<Shouter>().Shout("hello") : "off")}");

// A prototype with injected members: two of them, each made by its prepared plan (nothing is compiled under Native AOT).
Console.WriteLine($"Prototype: {context.Get<Receipt>().Print()}; {context.Get<Receipt>().Print()}");

// The endpoint, called through the catalog with JSON arguments: a string needs no metadata beyond System.Text.Json's own.
var result = await context.Endpoints.InvokeAsync("default/Greeter/greet", JsonSerializer.SerializeToElement("endpoint", SampleJson.Default.String));
Console.WriteLine($"Endpoint: {result.GetString()}");
var later = await context.Endpoints.InvokeAsync("default/Greeter/greetLater", JsonSerializer.SerializeToElement("task", SampleJson.Default.String));
Console.WriteLine($"Task endpoint: {later.GetString()}");
Console.WriteLine($"Components: {string.Join(", ", context.Components.Select(c => c.Name).Order(StringComparer.Ordinal))}");
