using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sprig.Web;

namespace Sprig.Tests.Controllers;

/// <summary>
/// A WebApplication on a free port whose container is a Sprig context (UseSprig) with the notes' store and controller, and the
/// notes' JSON metadata given as minimal APIs take it (ConfigureHttpJsonOptions).
/// </summary>
public sealed class NotesHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotesHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>Gets a client of the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Gets the application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Gets what the application logged (every category, every level), as long as the host lives and after.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>
    /// Starts the application; <paramref name="conventions"/> may add conventions to MapSprig's group, <paramref name="openApi"/>
    /// serves the OpenAPI document at <c>/openapi/v1.json</c> (AddOpenApi, MapOpenApi), and <paramref name="middleware"/> may add
    /// middleware that runs before the routes.
    /// </summary>
    public static async Task<NotesHost> StartAsync(Action<IEndpointConventionBuilder>? conventions = null, bool openApi = false, Action<WebApplication>? middleware = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Configuration["aot.web.controllers"] = "true";
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, NoteJson.Default));
        builder.UseSprig(new ApplicationContext(new PendingRegistry().Register<NoteStore>().Register<NoteController>(), builder.Configuration));
        if (openApi)
        {
            builder.Services.AddAuthorization();
            builder.Services.AddOpenApi();
        }

        var app = builder.Build();
        if (openApi)
        {
            app.MapOpenApi();
        }

        middleware?.Invoke(app);

        var group = app.MapSprig();
        conventions?.Invoke(group);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotesHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
