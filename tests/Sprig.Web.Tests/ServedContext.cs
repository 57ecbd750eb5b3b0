using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Web.Tests;

/// <summary>A refreshed context served by a real Kestrel server on a free port, with a client; disposes all three.</summary>
internal sealed record ServedContext(ApplicationContext Context, SprigServer Server, HttpClient Client) : IAsyncDisposable
{
    public static async Task<ServedContext> StartAsync(PendingRegistry registry, Dictionary<string, string?>? configuration = null)
    {
        var context = new ApplicationContext(registry, new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build(), NullLoggerFactory.Instance);
        context.Refresh();
        var server = await context.ServeAsync("http://127.0.0.1:0");
        return new ServedContext(context, server, new HttpClient { BaseAddress = server.BaseAddress });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Context.DisposeAsync();
    }
}
