using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Web.Tests.Security;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>
/// A WebApplication as a user writes it — UseSprig over a private registry and the builder's configuration, MapSprig,
/// MapSprigDiagnostics — in the environment a test names, served by Kestrel on a free port.
/// </summary>
public sealed class DiagnosticsHost : IAsyncDisposable
{
    private DiagnosticsHost(WebApplication app, ApplicationContext context, HttpClient client)
    {
        App = app;
        Context = context;
        Client = client;
    }

    public WebApplication App { get; }

    public ApplicationContext Context { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the application.</summary>
    /// <param name="registry">The components.</param>
    /// <param name="environment">The host environment.</param>
    /// <param name="authentication">Whether the application has the "Test" scheme (<see cref="TestAuthentication"/>) and authorization.</param>
    /// <param name="configure">More setup of the builder (services, configuration).</param>
    /// <param name="diagnostics">Conventions on the builder MapSprigDiagnostics returns.</param>
    /// <param name="map">More routes.</param>
    public static async Task<DiagnosticsHost> StartAsync(
        PendingRegistry registry,
        string environment = "Development",
        bool authentication = false,
        Action<WebApplicationBuilder>? configure = null,
        Action<IEndpointConventionBuilder>? diagnostics = null,
        Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (authentication)
        {
            builder.Services.AddAuthentication(TestAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { });
            builder.Services.AddAuthorization(o => o.AddPolicy(SecuredHost.CanPublish, p => p.RequireClaim(TestAuthentication.PermissionClaim, "publish")));
        }

        configure?.Invoke(builder);
        var context = new ApplicationContext(registry, builder.Configuration);
        builder.UseSprig(context);
        var app = builder.Build();
        try
        {
            if (authentication)
            {
                app.UseAuthentication();
                app.UseAuthorization();
            }

            app.MapSprig();
            var group = app.MapSprigDiagnostics();
            diagnostics?.Invoke(group);
            map?.Invoke(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DiagnosticsHost(app, context, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>GETs a path as <paramref name="caller"/> (a <see cref="Callers"/> value; null for no user).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? caller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (caller is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{TestAuthentication.SchemeName} {caller}");
        }

        return await Client.SendAsync(request);
    }

    /// <summary>GETs a JSON route and returns its body, asserting 200 and application/json.</summary>
    public async Task<JsonNode> GetJsonAsync(string path, string? caller = null)
    {
        using var response = await GetAsync(path, caller);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "GET {0} answered {1}", path, body);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
