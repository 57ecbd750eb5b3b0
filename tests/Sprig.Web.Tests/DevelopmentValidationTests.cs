using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sprig.Web.Tests;

/// <summary>
/// In the Development environment Sprig validates as a host's default provider does (scopes, and descriptors on build): an
/// application with ASP.NET Core's usual services still builds and serves, and a scoped service from the root still throws.
/// </summary>
public sealed class DevelopmentValidationTests
{
    public sealed class Cart;

    [Fact]
    public async Task AnApplicationWithTheUsualServices_BuildsAndServes_InDevelopment()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.UseSprig(new ApplicationContext(new PendingRegistry()));
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi();
        builder.Services.AddHttpClient();
        builder.Services.AddScoped<Cart>();
        await using var app = builder.Build();
        app.MapGet("/cart", (Cart cart) => cart is null ? "none" : "cart");
        await app.StartAsync();

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await client.GetStringAsync("/cart")).Should().Be("cart", "a request scope resolves the scoped service");
        app.Services.Invoking(s => s.GetService(typeof(Cart))).Should().Throw<InvalidOperationException>("in Development a scoped service from the root throws, as with MS.DI");
        await app.StopAsync();
    }
}
