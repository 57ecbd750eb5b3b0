using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sprig.Web.BrowserTests.Support;

namespace Sprig.Web.BrowserTests.Shop;

/// <summary>The shop served with its diagnostics, once for the tests of a class; an HTTP route of its own for the endpoint table, an ASP.NET Core health check for the health panel.</summary>
public sealed class ShopApp : IAsyncLifetime
{
    public DiagnosticsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await DiagnosticsHost.StartAsync(ShopComponents.Registry(), new() { ["feature:email"] = "true" },
            services => services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy("3 connections open")),
            app => app.MapGet("/users/{id}", (int id, ShopComponents.UserController users) => users.Show(id)).WithName("ShowUser"));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
