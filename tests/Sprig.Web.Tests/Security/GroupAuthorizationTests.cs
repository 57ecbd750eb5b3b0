using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// <c>app.MapSprig().RequireAuthorization(...)</c>: the builder MapSprig returns covers every Sprig route (RPC endpoints, the
/// <c>GET /rpc</c> catalog, controller actions, and Sprig's own 404/405 answers), as a route group does.
/// </summary>
public sealed class GroupAuthorizationTests
{
    public sealed record Item(int Id);

    [Service]
    public sealed class Clock
    {
        [Endpoint]
        public string Now() => "noon";

        [Endpoint]
        [AllowAnonymous]
        public string Health() => "healthy";
    }

    [Service]
    [Authorize(Roles = "admin")]
    public sealed class AdminTools
    {
        [Endpoint]
        public string Reindex() => "reindexed";
    }

    [Controller(Url = "/api/items")]
    public sealed class ItemController
    {
        [Get("/{id}")]
        public Item Find(int id) => new(id);

        // Conventional: GET /api/items/list.
        public Item[] GetList() => [new(1)];

        [Get("/status")]
        [AllowAnonymous]
        public Item Status() => new(0);
    }

    private static PendingRegistry Registry() => new PendingRegistry().Register<Clock>().Register<ItemController>();

    [Fact]
    public async Task RequireAuthorizationOnMapSprig_Answers401ForEveryRpcEndpointCatalogAndAction_WithoutUser()
    {
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization());

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/rpc", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/items/7", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/items/list", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
    }

    [Fact]
    public async Task RequireAuthorizationOnMapSprig_Answers200_WithUser()
    {
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization());

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Viewer)).ShouldBeJsonAsync("noon");
        await (await host.GetAsync("/api/items/7", Callers.Viewer)).ShouldBeJsonAsync(new Item(7));
        await (await host.GetAsync("/api/items/list", Callers.Viewer)).ShouldBeJsonAsync(new[] { new Item(1) });
        var catalog = await host.GetAsync("/rpc", Callers.Viewer);
        catalog.StatusCode.Should().Be(HttpStatusCode.OK);
        catalog.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task RequireAuthorizationOnMapSprig_LeavesAllowAnonymousEndpointAndActionOpen()
    {
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization());

        await (await host.PostAsync("/rpc/default/Clock/Health", Callers.Anonymous)).ShouldBeJsonAsync("healthy");
        await (await host.GetAsync("/api/items/status", Callers.Anonymous)).ShouldBeJsonAsync(new Item(0));
    }

    [Fact]
    public async Task RequireAuthorizationOnMapSprig_Answers401_NotSprigs404Or405_WithoutUser()
    {
        // Sprig's own answers to unknown addresses belong to the group too: an anonymous caller cannot probe for names.
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization());

        await (await host.PostAsync("/rpc/default/Clock/Nw", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/items/7/nothing", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        (await host.PostAsync("/rpc/default/Clock/Nw", Callers.Viewer)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RequireAuthorizationWithPolicyOnMapSprig_Answers403WithoutThePolicy_And200WithIt()
    {
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization(SecuredHost.CanPublish));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.GetAsync("/api/items/7", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.GetAsync("/rpc", Callers.Admin)).ShouldBeForbiddenAsync();

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Publisher)).ShouldBeJsonAsync("noon");
        await (await host.GetAsync("/api/items/7", Callers.Publisher)).ShouldBeJsonAsync(new Item(7));
        (await host.GetAsync("/rpc", Callers.Publisher)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await host.PostAsync("/rpc/default/Clock/Health", Callers.Admin)).ShouldBeJsonAsync("healthy");
    }

    [Fact]
    public async Task RequireAuthorizationWithPolicyOnMapSprig_CombinesWithTheComponentsOwnAuthorize()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<AdminTools>(), group => group.RequireAuthorization(SecuredHost.CanPublish));

        await (await host.PostAsync("/rpc/default/AdminTools/Reindex", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/AdminTools/Reindex", Callers.Publisher)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/AdminTools/Reindex", Callers.AdminPublisher)).ShouldBeJsonAsync("reindexed");
    }

    [Fact]
    public async Task RequireAuthorizationWithPolicyObjectOnMapSprig_IsEnforced()
    {
        await using var host = await SecuredHost.StartAsync(Registry(), group => group.RequireAuthorization(p => p.RequireRole("admin")));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Publisher)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Admin)).ShouldBeJsonAsync("noon");
    }
}
