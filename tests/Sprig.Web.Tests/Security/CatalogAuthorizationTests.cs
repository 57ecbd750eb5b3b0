using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// <c>GET /rpc</c> lists only the endpoints the caller may call, judged as ASP.NET Core's authorization middleware judges the
/// call itself; and no other answer under <c>/rpc</c> tells an anonymous caller the names the catalog hides from it.
/// </summary>
public sealed class CatalogAuthorizationTests
{
    public sealed record CatalogEntry(string Namespace, string Component, string Endpoint, bool Streaming, string Path);

    /// <summary>
    /// An authorization attribute that is not an <see cref="AuthorizeAttribute"/>: ASP.NET Core 8+ reads any
    /// <see cref="IAuthorizationRequirementData"/> metadata of an endpoint as requirements of its policy.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class RequirePermissionAttribute(string permission) : Attribute, IAuthorizationRequirementData
    {
        public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
            [new ClaimsAuthorizationRequirement(TestAuthentication.PermissionClaim, [permission])];
    }

    [Service]
    [Authorize]
    public sealed class Ledger
    {
        [Endpoint]
        public decimal Balance() => 42m;

        [Endpoint]
        [AllowAnonymous]
        public decimal Rates() => 1.5m;
    }

    [Service]
    public sealed class Bulletin
    {
        [Endpoint]
        public string Read() => "news";

        [Endpoint]
        [Authorize(Policy = SecuredHost.CanPublish)]
        public string Post(string text) => text;
    }

    [Service]
    [Authorize(Roles = "admin")]
    public sealed class Console
    {
        [Endpoint]
        public string Restart() => "restarted";
    }

    [Service]
    public sealed class Metrics
    {
        [Endpoint]
        [RequirePermission("metrics")]
        public int Scrape() => 7;
    }

    private const string MetricsReader = "user=mo; perm=metrics";

    private static PendingRegistry Registry() =>
        new PendingRegistry().Register<Ledger>().Register<Bulletin>().Register<Console>();

    [Fact]
    public async Task Catalog_ListsOnlyOpenEndpoints_ToAnAnonymousCaller()
    {
        await using var host = await SecuredHost.StartAsync(Registry());

        (await Catalog(host, Callers.Anonymous)).Should().BeEquivalentTo(["default/Bulletin/Read", "default/Ledger/Rates"]);
    }

    [Fact]
    public async Task Catalog_ListsWhatASignedInCallerMayCall_ByRoleAndPolicy()
    {
        await using var host = await SecuredHost.StartAsync(Registry());

        (await Catalog(host, Callers.Viewer)).Should().BeEquivalentTo(["default/Bulletin/Read", "default/Ledger/Rates", "default/Ledger/Balance"]);
        (await Catalog(host, Callers.Publisher)).Should().BeEquivalentTo(
            ["default/Bulletin/Read", "default/Ledger/Rates", "default/Ledger/Balance", "default/Bulletin/Post"]);
        (await Catalog(host, Callers.AdminPublisher)).Should().BeEquivalentTo(
            ["default/Bulletin/Read", "default/Ledger/Rates", "default/Ledger/Balance", "default/Bulletin/Post", "default/Console/Restart"]);
    }

    [Fact]
    public async Task Catalog_ListsEndpointsUnderAGroupPolicy_OnlyToCallersWhoPassIt()
    {
        // The group's policy object (AuthorizationPolicy metadata) and the method's [Authorize(Policy)] combine, in the catalog too.
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Bulletin>(),
            group => group.RequireAuthorization(p => p.RequireRole("editor")));

        await (await host.GetAsync("/rpc", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/rpc", Callers.Viewer)).ShouldBeForbiddenAsync();
        (await Catalog(host, "user=ed; roles=editor")).Should().BeEquivalentTo(["default/Bulletin/Read"]);
        (await Catalog(host, Callers.Publisher)).Should().BeEquivalentTo(["default/Bulletin/Read", "default/Bulletin/Post"]);
    }

    [Fact]
    public async Task Catalog_HidesAnEndpointWithAnAuthorizationRequirementAttribute_FromCallersTheMiddlewareRefuses()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Metrics>());

        // What the authorization middleware does with the call itself.
        await (await host.PostAsync("/rpc/default/Metrics/Scrape", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Metrics/Scrape", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Metrics/Scrape", MetricsReader)).ShouldBeJsonAsync(7);

        // The catalog must agree with it.
        (await Catalog(host, MetricsReader)).Should().BeEquivalentTo(["default/Metrics/Scrape"]);
        (await Catalog(host, Callers.Viewer)).Should().BeEmpty("the middleware answers this caller 403");
        (await Catalog(host, Callers.Anonymous)).Should().BeEmpty("the middleware answers this caller 401");
    }

    [Fact]
    public async Task UnknownAddress_Answers404_WithoutSuggestingEndpointsTheCallerMayNotCall()
    {
        await using var host = await SecuredHost.StartAsync(Registry());

        var response = await host.PostAsync("/rpc/default/Ledger/Balanc", Callers.Anonymous);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "No such RPC endpoint.", type: null);
        problem.Detail.Should().NotContain("Balance", "the catalog hides default/Ledger/Balance from an anonymous caller");
        problem.Extensions["suggestions"].Should().BeOfType<JsonElement>().Which.EnumerateArray().Select(s => s.GetString())
            .Should().NotContain("default/Ledger/Balance");
    }

    [Fact]
    public async Task UnknownAddress_Answers404_SuggestingTheEndpointsTheCallerMayCall()
    {
        await using var host = await SecuredHost.StartAsync(Registry());

        var response = await host.PostAsync("/rpc/default/Ledger/Balanc", Callers.Viewer);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "No such RPC endpoint.", type: null);
        problem.Extensions["suggestions"].Should().BeOfType<JsonElement>().Which.EnumerateArray().Select(s => s.GetString())
            .Should().Contain("default/Ledger/Balance");
    }

    private static async Task<IEnumerable<string>> Catalog(SecuredHost host, string? caller)
    {
        var response = await host.GetAsync("/rpc", caller);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var entries = await response.Content.ReadFromJsonAsync<CatalogEntry[]>();
        entries!.Where(e => e.Path != "/rpc/" + e.Namespace + "/" + e.Component + "/" + e.Endpoint).Should().BeEmpty("every entry's path is its address under /rpc");
        return entries!.Select(e => $"{e.Namespace}/{e.Component}/{e.Endpoint}");
    }
}
