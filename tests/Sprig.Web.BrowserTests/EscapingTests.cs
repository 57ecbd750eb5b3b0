using Sprig.Web.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Sprig.Web.BrowserTests;

/// <summary>Text from the routes is shown as text: markup in a component name or a configuration value never runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EscapingTests(Browser browser)
{
    private const string Markup = "<img src=x onerror=\"window.pwned=1\">";

    [Fact]
    public async Task Page_ShowsMarkupFromTheRoutes_AsText()
    {
        await using var host = await DiagnosticsHost.StartAsync(
            new PendingRegistry().RegisterInstance(Markup, "a string"), new() { ["banner"] = "<script>window.pwned=2</script>" });
        await using var page = await browser.OpenAsync(host.Page);

        await page.Page.FillAsync("#sprig-search", "onerror");
        await Expect(page.Nodes).ToHaveCountAsync(1);
        await page.Page.ClickAsync("#sprig-graph g.node");

        (await page.NodeNamesAsync()).Should().Equal(Markup);
        (await page.Page.TextContentAsync("#sprig-graph g.node text.name")).Should().Be(Markup);
        await Expect(page.Page.Locator("#sprig-details [data-field='name']")).ToHaveTextAsync(Markup);
        (await page.Page.TextContentAsync("#sprig-config tr[data-key='banner'] td:nth-child(2)")).Should().Be("<script>window.pwned=2</script>");
        (await page.Page.Locator("#sprig-graph img, #sprig-details img, #sprig-config script").CountAsync()).Should().Be(0);
        (await page.Page.EvaluateAsync<bool>("() => window.pwned === undefined")).Should().BeTrue();
        page.Errors.Should().BeEmpty();
    }
}
