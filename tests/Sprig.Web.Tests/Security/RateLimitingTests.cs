using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// ASP.NET Core's rate limiter on Sprig's routes: <c>.RequireRateLimiting()</c> on the builder MapSprig returns, and the
/// <c>[EnableRateLimiting]</c> / <c>[DisableRateLimiting]</c> attributes on endpoint methods and actions.
/// </summary>
public sealed class RateLimitingTests
{
    public sealed record Item(int Id);

    [Service]
    public sealed class Clock
    {
        [Endpoint]
        public string Now() => "noon";
    }

    [Controller(Url = "/api/items")]
    public sealed class ItemController
    {
        [Get("/{id}")]
        public Item Find(int id) => new(id);
    }

    [Service]
    public sealed class Meter
    {
        [Endpoint]
        public string Read() => "read";

        [Endpoint]
        [DisableRateLimiting]
        public string Health() => "healthy";
    }

    [Controller(Url = "/api/quotas")]
    public sealed class QuotaController
    {
        [Get("/{id}")]
        [EnableRateLimiting("one-per-path")]
        public Item Find(int id) => new(id);

        [Get("/free/{id}")]
        public Item Free(int id) => new(id);
    }

    [Fact]
    public async Task RequireRateLimitingOnMapSprig_Answers429_ToTheSecondCallOfAnRpcEndpointAndOfAnAction()
    {
        await using var host = await StartWithRateLimiter(new PendingRegistry().Register<Clock>().Register<ItemController>(), group => group.RequireRateLimiting("one-per-path"));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeJsonAsync("noon");
        await TooMany(await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous));
        await (await host.GetAsync("/api/items/7", Callers.Anonymous)).ShouldBeJsonAsync(new Item(7));
        await TooMany(await host.GetAsync("/api/items/7", Callers.Anonymous));
    }

    [Fact]
    public async Task DisableRateLimitingOnEndpointMethod_ExemptsItFromTheGroupsLimit()
    {
        await using var host = await StartWithRateLimiter(new PendingRegistry().Register<Meter>(), group => group.RequireRateLimiting("one-per-path"));

        await (await host.PostAsync("/rpc/default/Meter/Read", Callers.Anonymous)).ShouldBeJsonAsync("read");
        await TooMany(await host.PostAsync("/rpc/default/Meter/Read", Callers.Anonymous));
        await (await host.PostAsync("/rpc/default/Meter/Health", Callers.Anonymous)).ShouldBeJsonAsync("healthy");
        await (await host.PostAsync("/rpc/default/Meter/Health", Callers.Anonymous)).ShouldBeJsonAsync("healthy");
    }

    [Fact]
    public async Task EnableRateLimitingOnAction_LimitsThatActionOnly()
    {
        await using var host = await StartWithRateLimiter(new PendingRegistry().Register<QuotaController>(), group: null);

        await (await host.GetAsync("/api/quotas/1", Callers.Anonymous)).ShouldBeJsonAsync(new Item(1));
        await TooMany(await host.GetAsync("/api/quotas/1", Callers.Anonymous));
        await (await host.GetAsync("/api/quotas/free/1", Callers.Anonymous)).ShouldBeJsonAsync(new Item(1));
        await (await host.GetAsync("/api/quotas/free/1", Callers.Anonymous)).ShouldBeJsonAsync(new Item(1));
    }

    /// <summary>Starts a host with the "one-per-path" rate limiting policy: one call per path and hour, then 429.</summary>
    private static Task<SecuredHost> StartWithRateLimiter(PendingRegistry registry, Action<IEndpointConventionBuilder>? group) =>
        SecuredHost.StartAsync(
            registry,
            group,
            services => services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.AddPolicy("one-per-path", http => RateLimitPartition.GetFixedWindowLimiter(http.Request.Path.Value!,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            }),
            app => app.UseRateLimiter());

    private static async Task TooMany(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the body was '{0}'", body);
        (response.Content.Headers.ContentType?.MediaType).Should().Be("application/problem+json");
    }
}
