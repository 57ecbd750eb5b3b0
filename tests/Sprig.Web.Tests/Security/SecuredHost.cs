using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// A WebApplication whose container is a context over a private registry, served by Kestrel on a free port, with the "Test"
/// authentication scheme (<see cref="TestAuthentication"/>), the <see cref="CanPublish"/> policy, and the setup that makes
/// ASP.NET Core's 401 and 403 answers problem+json: <c>AddProblemDetails()</c> (UseSprig adds it) and <c>UseStatusCodePages()</c>
/// ahead of <c>UseAuthentication()</c> and <c>UseAuthorization()</c>.
/// </summary>
public sealed class SecuredHost : IAsyncDisposable
{
    /// <summary>The policy that asks for the claim <c>perm=publish</c>.</summary>
    public const string CanPublish = "CanPublish";

    private SecuredHost(WebApplication app, ApplicationContext context, HttpClient client)
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
    /// <param name="group">Conventions applied to the builder MapSprig returns.</param>
    /// <param name="services">More services (rate limiter, CORS, ...).</param>
    /// <param name="middleware">Middleware that runs after routing and before authentication (UseCors, UseRateLimiter).</param>
    /// <param name="statusCodePages">Whether the application calls <c>UseStatusCodePages()</c> (the documented setup).</param>
    public static async Task<SecuredHost> StartAsync(
        PendingRegistry registry,
        Action<IEndpointConventionBuilder>? group = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? middleware = null,
        bool statusCodePages = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TestAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { });
        builder.Services.AddAuthorization(o => o.AddPolicy(CanPublish, p => p.RequireClaim(TestAuthentication.PermissionClaim, "publish")));
        services?.Invoke(builder.Services);
        var context = new ApplicationContext(registry, new ConfigurationBuilder().Build());
        builder.UseSprig(context);

        var app = builder.Build();
        try
        {
            // The documented setup for problem+json 401 and 403: status code pages write them through IProblemDetailsService.
            if (statusCodePages)
            {
                app.UseStatusCodePages();
            }

            middleware?.Invoke(app);
            app.UseAuthentication();
            app.UseAuthorization();
            var sprig = app.MapSprig();
            group?.Invoke(sprig);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SecuredHost(app, context, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (no body when null) as <paramref name="caller"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string? caller, object? body = null) =>
        SendAsync(HttpMethod.Post, path, caller, body is null ? null : JsonContent.Create(body));

    /// <summary>GETs <paramref name="path"/> as <paramref name="caller"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? caller) => SendAsync(HttpMethod.Get, path, caller);

    /// <summary>Sends a request as <paramref name="caller"/>; <paramref name="configure"/> may add headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? caller, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (caller is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{TestAuthentication.SchemeName} {caller}");
        }

        configure?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
