using Sprig.Web.BrowserTests.Support;

namespace Sprig.Web.BrowserTests;

/// <summary>1,000 components (a DAG of emitted classes, about one link each) served with their diagnostics.</summary>
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

        Host = await DiagnosticsHost.StartAsync(registry, []);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
