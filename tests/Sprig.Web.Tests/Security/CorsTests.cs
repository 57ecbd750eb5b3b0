using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// CORS on Sprig's routes: <c>.RequireCors()</c> on the builder MapSprig returns and <c>[EnableCors]</c> on a component class,
/// for cross-origin calls and for preflights (which carry no credentials) to RPC endpoints and actions.
/// </summary>
public sealed class CorsTests
{
    public sealed record Item(int Id);

    [Service]
    public sealed class Clock
    {
        [Endpoint]
        public string Now() => "noon";

        [Endpoint]
        [Authorize]
        public string Alarm() => "ring";
    }

    [Controller(Url = "/api/items")]
    public sealed class ItemController
    {
        [Get("/{id}")]
        public Item Find(int id) => new(id);

        // Conventional: POST /api/items.
        public Item Create(Item item) => item;
    }

    [Service]
    [EnableCors("web")]
    public sealed class Widget
    {
        [Endpoint]
        public string Spin() => "spun";
    }

    private const string Origin = "https://app.example";

    [Fact]
    public async Task RequireCorsOnMapSprig_AddsAllowOrigin_ToACrossOriginCall()
    {
        await using var host = await StartWithCors();

        var allowed = await host.SendAsync(HttpMethod.Post, "/rpc/default/Clock/Now", Callers.Anonymous, configure: r => r.Headers.Add("Origin", Origin));
        await allowed.ShouldBeJsonAsync("noon");
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);

        var action = await host.SendAsync(HttpMethod.Get, "/api/items/7", Callers.Anonymous, configure: r => r.Headers.Add("Origin", Origin));
        await action.ShouldBeJsonAsync(new Item(7));
        action.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);

        var other = await host.SendAsync(HttpMethod.Post, "/rpc/default/Clock/Now", Callers.Anonymous, configure: r => r.Headers.Add("Origin", "https://evil.example"));
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the policy allows one origin only");
    }

    [Fact]
    public async Task RequireCorsOnMapSprig_AnswersAPreflightToAnRpcEndpoint()
    {
        await using var host = await StartWithCors();

        var preflight = await Preflight(host, "/rpc/default/Clock/Now", "POST");

        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);
        preflight.Headers.GetValues("Access-Control-Allow-Methods").Should().Contain(m => m.Contains("POST"));
    }

    [Fact]
    public async Task RequireCorsOnMapSprig_AnswersAPreflightToAnAuthorizeEndpointAndAnAction_WithoutCredentials()
    {
        // A browser's preflight never carries credentials: it must not be answered 401.
        await using var host = await StartWithCors();

        var rpc = await Preflight(host, "/rpc/default/Clock/Alarm", "POST");
        rpc.StatusCode.Should().Be(HttpStatusCode.NoContent);
        rpc.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);

        var action = await Preflight(host, "/api/items", "POST");
        action.StatusCode.Should().Be(HttpStatusCode.NoContent);
        action.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);
    }

    [Fact]
    public async Task EnableCorsAttributeOnComponentClass_AppliesToItsEndpoints_AndTheirPreflight()
    {
        await using var host = await SecuredHost.StartAsync(
            new PendingRegistry().Register<Widget>(),
            services: services => services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(Origin).AllowAnyHeader().WithMethods("POST"))),
            middleware: app => app.UseCors());

        var call = await host.SendAsync(HttpMethod.Post, "/rpc/default/Widget/Spin", Callers.Anonymous, configure: r => r.Headers.Add("Origin", Origin));
        await call.ShouldBeJsonAsync("spun");
        call.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);

        var preflight = await Preflight(host, "/rpc/default/Widget/Spin", "POST");
        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);
    }

    private static Task<SecuredHost> StartWithCors() =>
        SecuredHost.StartAsync(
            new PendingRegistry().Register<Clock>().Register<ItemController>(),
            group => group.RequireCors("web"),
            services => services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(Origin).AllowAnyHeader().WithMethods("GET", "POST"))),
            app => app.UseCors());

    private static Task<HttpResponseMessage> Preflight(SecuredHost host, string path, string method) =>
        host.SendAsync(HttpMethod.Options, path, Callers.Anonymous, configure: r =>
        {
            r.Headers.Add("Origin", Origin);
            r.Headers.Add("Access-Control-Request-Method", method);
            r.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        });
}
