using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Sprig.Web.Tests.Security;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>
/// <c>GET /sprig/health</c>: the context's state and the application's ASP.NET Core health checks, the worst status overall,
/// 503 when it is Unhealthy.
/// </summary>
public sealed class DiagnosticsHealthTests
{
    [Fact]
    public async Task Health_IsTheContextsState_WhenTheApplicationHasNoHealthChecks()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry());

        (await host.GetJsonAsync("/sprig/health")).WithoutTimings().ShouldBeJson("""
            { "status": "Healthy", "context": "Running",
              "checks": [ { "name": "context", "status": "Healthy", "description": "The application context is Running.", "durationMs": 0 } ] }
            """);
    }

    [Fact]
    public async Task Health_RunsTheApplicationsHealthChecks_AndIsDegradedWhenOneIs()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), configure: b => b.Services.AddHealthChecks()
            .AddCheck("db", () => HealthCheckResult.Healthy("reachable"))
            .AddCheck("cache", () => HealthCheckResult.Degraded("slow")));

        (await host.GetJsonAsync("/sprig/health")).WithoutTimings().ShouldBeJson("""
            { "status": "Degraded", "context": "Running",
              "checks": [
                { "name": "context", "status": "Healthy", "description": "The application context is Running.", "durationMs": 0 },
                { "name": "db", "status": "Healthy", "description": "reachable", "durationMs": 0 },
                { "name": "cache", "status": "Degraded", "description": "slow", "durationMs": 0 }
              ] }
            """);
    }

    [Fact]
    public async Task Health_Answers503_WhenACheckIsUnhealthy_AndTheServerKeepsServing()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), configure: b => b.Services.AddHealthChecks()
            .AddCheck("db", () => HealthCheckResult.Unhealthy("refused"))
            .AddCheck("broken", () => throw new InvalidOperationException("The check itself failed.")));

        using var response = await host.GetAsync("/sprig/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.WithoutTimings().ShouldBeJson("""
            { "status": "Unhealthy", "context": "Running",
              "checks": [
                { "name": "context", "status": "Healthy", "description": "The application context is Running.", "durationMs": 0 },
                { "name": "db", "status": "Unhealthy", "description": "refused", "durationMs": 0 },
                { "name": "broken", "status": "Unhealthy", "description": "The check itself failed.", "durationMs": 0 }
              ] }
            """);
        (await host.GetJsonAsync("/sprig/conditions")).Should().NotBeNull();
    }

    [Fact]
    public async Task Health_MasksSecretsInDescriptions_AsConfigDoes()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), configure: b =>
        {
            b.Configuration.AddInMemoryCollection([new("Payments:ApiKey", "sk_live_4242")]);
            b.Services.AddHealthChecks()
                .AddCheck("bus", () => throw new InvalidOperationException("Cannot reach nats://ada:pw@bus:4222 (Server=db;Password=hunter2;Timeout=5)."))
                .AddCheck("payments", () => HealthCheckResult.Degraded("The API refused key sk_live_4242."));
        });

        using var response = await host.GetAsync("/sprig/health");

        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.WithoutTimings().ShouldBeJson("""
            { "status": "Unhealthy", "context": "Running",
              "checks": [
                { "name": "context", "status": "Healthy", "description": "The application context is Running.", "durationMs": 0 },
                { "name": "bus", "status": "Unhealthy", "description": "Cannot reach nats://ada:******@bus:4222 (Server=db;Password=******;Timeout=5).", "durationMs": 0 },
                { "name": "payments", "status": "Degraded", "description": "The API refused key ******.", "durationMs": 0 }
              ] }
            """);
    }

    [Fact]
    public async Task Health_RunsRegisteredChecks_WhenTheApplicationDidNotAddTheHealthCheckService()
    {
        // What a library such as Sprig.Nats does: it adds a registration to the options, whether or not the application called AddHealthChecks().
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), configure: b => b.Services.Configure<HealthCheckServiceOptions>(o =>
        {
            o.Registrations.Add(new HealthCheckRegistration("bus", _ => new DelegateCheck(() => HealthCheckResult.Degraded("reconnecting")), null, null));
            o.Registrations.Add(new HealthCheckRegistration("disk", _ => new DelegateCheck(() => throw new IOException("No space left.")), HealthStatus.Degraded, null));
        }));

        (await host.GetJsonAsync("/sprig/health")).WithoutTimings().ShouldBeJson("""
            { "status": "Degraded", "context": "Running",
              "checks": [
                { "name": "context", "status": "Healthy", "description": "The application context is Running.", "durationMs": 0 },
                { "name": "bus", "status": "Degraded", "description": "reconnecting", "durationMs": 0 },
                { "name": "disk", "status": "Degraded", "description": "No space left.", "durationMs": 0 }
              ] }
            """);
    }

    [Fact]
    public async Task Health_Answers503WithTheContextsState_AndTheDataRoutes503_OnceTheContextHasStopped()
    {
        // An application that registers a context it refreshed itself, instead of making it its container (UseSprig).
        var context = new ApplicationContext(DiagnosticsFixtures.Registry(), new ConfigurationBuilder().Build());
        await context.RefreshAsync();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(context);
        await using var app = builder.Build();
        app.MapSprigDiagnostics();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        await context.ShutdownAsync();

        using var health = await client.GetAsync("/sprig/health");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        JsonNode.Parse(await health.Content.ReadAsStringAsync())!.WithoutTimings().ShouldBeJson("""
            { "status": "Unhealthy", "context": "Stopped",
              "checks": [ { "name": "context", "status": "Unhealthy", "description": "The application context is Stopped.", "durationMs": 0 } ] }
            """);
        using var components = await client.GetAsync("/sprig/components");
        (await components.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "The service is not running.", type: null)).Detail.Should().Be(
            "The application context is Stopped; it serves requests only while it is Running.");
        await app.StopAsync();
    }

    private sealed class DelegateCheck(Func<HealthCheckResult> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(check());
    }
}
