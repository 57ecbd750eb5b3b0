using Microsoft.Extensions.Configuration;

namespace Sprig.Nats.Tests.Support;

/// <summary>Builds the two contexts of an end-to-end test: one serving <see cref="Calculator"/>, one calling it.</summary>
public static class Contexts
{
    public static async Task<ApplicationContext> ServerAsync(string url, Probe probe, params (string Key, string Value)[] settings)
    {
        var registry = new PendingRegistry().Register<Calculator>().RegisterInstance("probe", probe).AddNats();
        var context = new ApplicationContext(registry, Configuration(url, [("environment", "Production"), .. settings]));
        await context.RefreshAsync();

        // Idempotent: a context that starts its endpoint servers itself has done this already.
        await context.Get<NatsTransport>().StartServingAsync(context, CancellationToken.None);
        return context;
    }

    /// <summary>Refreshes a serving context over NATS with the given components.</summary>
    public static async Task<ApplicationContext> ServingAsync(string url, params Type[] components)
    {
        var registry = new PendingRegistry().AddNats();
        foreach (var component in components)
        {
            registry.Register(component);
        }

        var context = new ApplicationContext(registry, Configuration(url, [("environment", "Production")]));
        await context.RefreshAsync();
        return context;
    }

    public static async Task<ApplicationContext> ClientAsync(string url, params (string Key, string Value)[] settings)
    {
        var context = new ApplicationContext(new PendingRegistry().AddNats(), Configuration(url, [("Sprig:Nats:Serve", "false"), .. settings]));
        await context.RefreshAsync();
        return context;
    }

    private static IConfiguration Configuration(string url, IEnumerable<(string Key, string Value)> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([new("Sprig:Nats:Url", url), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
}
