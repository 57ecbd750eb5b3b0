using Microsoft.Extensions.Configuration;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>
/// A "server" context that implements <see cref="ICalculator"/> and <see cref="IJobs"/>, served by a real Kestrel server on a
/// free port, and a refreshed "client" context in the same process that has only the contracts (and <see cref="PriceBoard"/>)
/// and binds both components to the server with <c>Sprig:Remotes:remote:{component}:Url</c>. Disposes all of it.
/// </summary>
internal sealed record RemotePair(ServedContext Server, ApplicationContext Client, Signals Signals) : IAsyncDisposable
{
    public string Url => Server.Server.BaseAddress.ToString();

    public static async Task<RemotePair> StartAsync(Dictionary<string, string?>? serverConfiguration = null, Dictionary<string, string?>? clientConfiguration = null)
    {
        var signals = new Signals();
        var served = await ServedContext.StartAsync(
            new PendingRegistry().Register<Calculator>().Register<JobsService>().RegisterInstance("Signals", signals), serverConfiguration);
        try
        {
            var url = served.Server.BaseAddress.ToString();
            var settings = new Dictionary<string, string?>
            {
                ["Sprig:Remotes:remote:Calculator:Url"] = url,
                ["Sprig:Remotes:remote:Jobs:Url"] = url,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in clientConfiguration ?? [])
            {
                settings[key] = value;
            }

            var client = CreateClient(new PendingRegistry().Register<PriceBoard>(), settings);
            client.Refresh();
            return new RemotePair(served, client, signals);
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a client context (not refreshed) over a private registry and in-memory settings.</summary>
    public static ApplicationContext CreateClient(PendingRegistry registry, Dictionary<string, string?> settings) =>
        new(registry, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    public async ValueTask DisposeAsync()
    {
        // The server goes last: a client still connected to it must not hold its shutdown up.
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
