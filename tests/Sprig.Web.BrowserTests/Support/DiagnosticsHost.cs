using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sprig.Web.BrowserTests.Support;

/// <summary>
/// A real Kestrel server on a free port: a WebApplication in the Development environment whose container is a Sprig context,
/// with <c>app.MapSprig()</c> and <c>app.MapSprigDiagnostics("/sprig")</c>.
/// </summary>
public sealed class DiagnosticsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiagnosticsHost(WebApplication app, ApplicationContext context, Uri baseAddress)
    {
        _app = app;
        Context = context;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public ApplicationContext Context { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The page's address.</summary>
    public Uri Page => new(BaseAddress, "/sprig");

    public static async Task<DiagnosticsHost> StartAsync(
        PendingRegistry registry, Dictionary<string, string?> configuration, Action<IServiceCollection>? services = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration);
        services?.Invoke(builder.Services);
        var context = new ApplicationContext(registry, builder.Configuration);
        builder.UseSprig(context);
        var app = builder.Build();
        app.MapSprig();
        map?.Invoke(app);
        app.MapSprigDiagnostics("/sprig");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DiagnosticsHost(app, context, new Uri(address));
    }

    /// <summary>Reads one of the diagnostics' JSON routes, e.g. "components".</summary>
    public async Task<JsonElement> JsonAsync(string route) => await Client.GetFromJsonAsync<JsonElement>("/sprig/" + route);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
