using Sprig.Web.BrowserTests.Support;

namespace Sprig.Web.BrowserTests;

/// <summary>1,000 components (a DAG of emitted classes, about one link each) and 600 configuration keys, served with their diagnostics.</summary>
public sealed class LargeApp : IAsyncLifetime
{
    public const int Count = 1000;

    public DiagnosticsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var registry = new PendingRegistry();
        foreach (var type in Sprig.Benchmarks.EmittedGraph.Create(Count, "Sprig.Web.BrowserTests.Emitted"))
        {
            registry.Register(type);
        }

        // 600 configuration keys as well: the configuration table shows 500 at a time.
        Host = await DiagnosticsHost.StartAsync(registry, Enumerable.Range(0, 600).ToDictionary(i => $"big:key{i:D3}", i => (string?)$"value {i}"));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
