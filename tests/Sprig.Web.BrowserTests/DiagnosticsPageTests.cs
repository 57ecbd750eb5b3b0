using System.Globalization;
using System.Text.Json;
using Sprig.Web.BrowserTests.Shop;
using Sprig.Web.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Sprig.Web.BrowserTests;

/// <summary>The diagnostics page in Chromium, against the shop served by Kestrel with <c>MapSprigDiagnostics("/sprig")</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagnosticsPageTests(Browser browser, ShopApp shop) : IClassFixture<ShopApp>
{
    private static readonly string[] ShopNames =
        ["UserController", "UserService", "AuditLog", "InfraConfig", "Clock", "Notifier", "EmailChannel", "SmsChannel", "Greeting"];

    [Fact]
    public async Task Graph_DrawsOneNodePerComponent_AndOneEdgePerLink()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var components = await shop.Host.JsonAsync("components");
        var cycles = (await shop.Host.JsonAsync("graph?format=json")).GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("cycle").GetBoolean())
            .Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString())).ToHashSet();

        var names = components.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var links = components.EnumerateArray().SelectMany(c => c.GetProperty("dependencies").EnumerateArray().Select(d => Edge(
            c.GetProperty("name").GetString()!, d.GetProperty("component").GetString()!, d.GetProperty("kind").GetString()!, cycles))).ToList();

        names.Should().Contain(ShopNames).And.NotContain("PagerChannel", "a component that is out is no component");
        (await page.NodeNamesAsync()).Should().BeEquivalentTo(names, "one node per component");
        links.Should().Contain(
            "UserController -> UserService (type)",
            "UserService -> Greeting (name)",
            "AuditLog -> UserService (lazy) lazy cycle",
            "Notifier -> EmailChannel (collection)",
            "Notifier -> SmsChannel (collection)",
            "Clock -> InfraConfig (bean-factory)");
        (await page.EdgeTextsAsync()).Should().BeEquivalentTo(links, "one edge per link, lazy ones dashed, those closing a cycle red");
        var services = components.EnumerateArray().SelectMany(c => c.GetProperty("dependencies").EnumerateArray())
            .Select(d => d.GetProperty("component").GetString()!).Where(target => !names.Contains(target)).Distinct().ToList();
        services.Should().Contain("IServiceProvider", "the host's services link to services every context provides");
        (await page.Page.Locator("#sprig-graph g.service").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('data-name'))"))
            .Should().BeEquivalentTo(services, "a link to a service the context provides ends at a pill of its own");
        await page.ScreenshotAsync("diagnostics-with-host-services");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Page_ReadsItsRoutes_WhenAskedWithATrailingSlash()
    {
        await using var page = await browser.OpenAsync(new Uri(shop.Host.BaseAddress, "/sprig/"));
        var components = (await shop.Host.JsonAsync("components")).GetArrayLength();

        await Expect(page.Nodes).ToHaveCountAsync(components);
        (await page.Page.TextContentAsync("#sprig-health-badge")).Should().Be("Healthy");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_ShowsTheComponentsWhoseNameContainsTheText_AndTheLinksBetweenThem()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var all = (await page.NodeNamesAsync()).Length;

        await page.Page.FillAsync("#sprig-search", "uSeR");

        await Expect(page.Nodes).ToHaveCountAsync(2);
        (await page.NodeNamesAsync()).Should().BeEquivalentTo("UserController", "UserService");
        (await page.EdgeTextsAsync()).Should().Equal("UserController -> UserService (type)");
        (await page.Page.TextContentAsync("#sprig-graph-note")).Should().BeEmpty();

        await page.Page.FillAsync("#sprig-search", "nothing-like-this");

        await Expect(page.Nodes).ToHaveCountAsync(0);
        (await page.Page.TextContentAsync("#sprig-graph-note")).Should().Be("No component name contains \"nothing-like-this\".");

        await page.Page.FillAsync("#sprig-search", "");

        await Expect(page.Nodes).ToHaveCountAsync(all);
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task HidingHostServices_LeavesTheApplicationsOwnComponents()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var hostServices = (await shop.Host.JsonAsync("components")).EnumerateArray().Count(c => c.GetProperty("origin").GetString() == "service descriptor");

        await page.Page.CheckAsync("#sprig-hide-framework");

        await Expect(page.Nodes).ToHaveCountAsync(ShopNames.Length);
        (await page.NodeNamesAsync()).Should().BeEquivalentTo(ShopNames);
        (await page.Page.TextContentAsync("#sprig-framework-count")).Should().Be(hostServices.ToString(CultureInfo.InvariantCulture));
        hostServices.Should().BePositive("UseSprig makes the host's services components");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ClickingANode_ShowsWhatItIs_ItsLinks_WhyItIsIn_AndItsStartupTime()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var steps = await shop.Host.JsonAsync("startup");

        await page.Page.ClickAsync("#sprig-graph g.node[data-name='UserService']");

        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("UserService");
        (await Field(page, "type")).Should().Be("Sprig.Web.BrowserTests.Shop.ShopComponents.UserService");
        (await Field(page, "scope")).Should().Be("Singleton");
        (await Field(page, "namespace")).Should().Be("default");
        (await Field(page, "origin")).Should().Be("attribute");
        (await Field(page, "state")).Should().Be("created");
        (await Field(page, "startup")).Should().Be(Startup(steps, "UserService"));
        (await Field(page, "startup")).Should().MatchRegex(@"^create \d+\.\d{3} ms at \d+\.\d{3} ms; post-construct \d+\.\d{3} ms at \d+\.\d{3} ms$");
        (await Items(page, "out")).Should().Equal("AuditLog type", "Clock type", "Greeting name");
        (await Items(page, "in")).Should().BeEquivalentTo("UserController type", "AuditLog lazy, closes a cycle");
        (await Field(page, "why")).Should().Be("no conditions");
        (await page.Page.GetAttributeAsync("#sprig-graph g.node[data-name='UserService']", "class")).Should().Be("node created selected");

        await page.Page.ClickAsync("#sprig-details a[data-name='AuditLog']");

        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("AuditLog");
        (await Field(page, "startup")).Should().MatchRegex(@"^create \d+\.\d{3} ms at \d+\.\d{3} ms; on-start \d+\.\d{3} ms at \d+\.\d{3} ms$");

        await page.Page.ClickAsync("#sprig-graph g.node[data-name='EmailChannel']");

        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("EmailChannel");
        (await Field(page, "why")).Should().Be("EmailChannel: in — ConditionalOnProperty('feature.email', HavingValue='true') found 'true' (from in-memory configuration)");
        (await Items(page, "in")).Should().Equal("Notifier collection");
        (await Items(page, "out")).Should().Equal("none");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ClickingAServiceTheContextProvides_ShowsWhoUsesIt_AndEnterSelectsAFocusedNode()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var users = (await shop.Host.JsonAsync("components")).EnumerateArray()
            .SelectMany(c => c.GetProperty("dependencies").EnumerateArray()
                .Where(d => d.GetProperty("component").GetString() == "IServiceProvider")
                .Select(d => $"{c.GetProperty("name").GetString()} {d.GetProperty("kind").GetString()}")).ToList();

        await page.Page.ClickAsync("#sprig-graph g.service[data-name='IServiceProvider']");

        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("IServiceProvider");
        (await Field(page, "kind")).Should().Be("A service the context provides itself: no component, nothing to configure.");
        users.Should().NotBeEmpty();
        (await Items(page, "in")).Should().BeEquivalentTo(users);

        await page.Page.FocusAsync("#sprig-graph g.node[data-name='Notifier']");
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("Notifier");
        (await Items(page, "out")).Should().Equal("EmailChannel collection", "SmsChannel collection");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Timeline_HasOneCreateBarPerCreatedComponent_AndBarsForHooksAndPhases()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        var steps = (await shop.Host.JsonAsync("startup")).EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString()!, Phase: s.GetProperty("phase").GetString()!)).ToList();

        var bars = await page.Page.Locator("#sprig-timeline rect.bar").EvaluateAllAsync<string[]>(
            "bars => bars.map(b => b.getAttribute('data-phase') + ' ' + b.getAttribute('data-name'))");

        bars.Where(b => b.StartsWith("create ", StringComparison.Ordinal)).Select(b => b["create ".Length..]).Should().BeEquivalentTo(
            ["UserController", "UserService", "AuditLog", "InfraConfig", "Clock", "Notifier", "EmailChannel", "SmsChannel"],
            "one create bar per component refresh created (Greeting is an instance; the host's services are made by the host)");
        bars.Should().Contain("post-construct UserService").And.Contain("on-start AuditLog");
        bars.Should().BeEquivalentTo(steps.Select(s => s.Phase + " " + s.Name), "one bar per step, refresh phases included");
        steps.Select(s => s.Phase).Should().Contain(p => p != "create" && p != "post-construct" && p != "on-start", "the refresh phases are steps too");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ConditionTable_ListsTheComponentThatIsOut_WithWhatItsConditionSaw()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);

        var pager = page.Page.Locator("#sprig-conditions tr[data-component='PagerChannel'] td");
        var email = page.Page.Locator("#sprig-conditions tr[data-component='EmailChannel'] td");

        (await pager.AllTextContentsAsync()).Should().Equal(
            "PagerChannel", "out", "✗ConditionalOnProperty('feature.pager', HavingValue='true') did not find the property");
        (await email.AllTextContentsAsync()).Should().Equal(
            "EmailChannel", "in", "✓ConditionalOnProperty('feature.email', HavingValue='true') found 'true' (from in-memory configuration)");
        (await page.Page.TextContentAsync("#sprig-conditions-summary")).Should().Be("2 conditional, 1 out");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task EndpointTable_AndHealth_ShowTheApplication()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);

        var rows = await page.Page.Locator("#sprig-mappings tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent).join(' | '))");

        rows.Should().Contain("RPC | call | default/UserService/Find | UserService.Find");
        rows.Should().Contain(r => r.StartsWith("HTTP | GET | /users/{id} | ", StringComparison.Ordinal));
        (await page.Page.TextContentAsync("#sprig-health [data-field='status']")).Should().Be("Healthy");
        (await page.Page.TextContentAsync("#sprig-health [data-field='context']")).Should().Be("Running");
        (await page.Page.TextContentAsync("#sprig-health-badge")).Should().Be("Healthy");
        (await page.Page.Locator("#sprig-health tr[data-check='database'] td").AllTextContentsAsync()).Take(3)
            .Should().Equal("database", "Healthy", "3 connections open");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Screenshot_OfTheShopWithASelectedComponent_IsWritten()
    {
        await using var page = await browser.OpenAsync(shop.Host.Page);
        await page.Page.CheckAsync("#sprig-hide-framework");
        await page.Page.FillAsync("#sprig-config-search", "feature");
        await page.Page.ClickAsync("#sprig-graph g.node[data-name='UserService']");
        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync("UserService");

        (await page.Page.Locator("#sprig-config tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-key'))"))
            .Should().Equal("feature:email");

        var path = await page.ScreenshotAsync("diagnostics");

        new FileInfo(path).Length.Should().BeGreaterThan(10_000);
        page.Errors.Should().BeEmpty();
    }

    private static string Edge(string from, string to, string kind, HashSet<(string?, string?)> cycles) =>
        $"{from} -> {to} ({kind})" + (kind == "lazy" ? " lazy" : "") + (cycles.Contains((from, to)) ? " cycle" : "");

    private static async Task<string?> Field(DiagnosticsPage page, string field) =>
        await page.Page.TextContentAsync($"#sprig-details [data-field='{field}']");

    private static Task<IReadOnlyList<string>> Items(DiagnosticsPage page, string list) =>
        page.Page.Locator($"#sprig-details ul[data-field='{list}'] li").AllTextContentsAsync();

    /// <summary>The page's start-up text for a component: each of its steps, "create 0.120 ms at 3.401 ms", joined by "; ".</summary>
    private static string Startup(JsonElement steps, string name) => string.Join("; ", steps.EnumerateArray()
        .Where(s => s.GetProperty("name").GetString() == name && s.GetProperty("phase").GetString() is "create" or "post-construct" or "on-start")
        .Select(s => $"{s.GetProperty("phase").GetString()} {Ms(s.GetProperty("durationMs").GetDouble())} at {Ms(s.GetProperty("startMs").GetDouble())}"));

    private static string Ms(double value) => value.ToString("F3", CultureInfo.InvariantCulture) + " ms";
}
