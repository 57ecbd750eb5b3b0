using Sprig.Web.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Sprig.Web.BrowserTests;

/// <summary>The page stays usable with 1,000 components: at most 300 drawn, a note says so, the search box narrows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeAppPageTests(Browser browser, LargeApp app) : IClassFixture<LargeApp>
{
    [Fact]
    public async Task Page_DrawsAtMost300Components_AndSaysHowManyThereAre()
    {
        await using var page = await browser.OpenAsync(app.Host.Page);
        var total = (await app.Host.JsonAsync("components")).GetArrayLength();

        total.Should().BeGreaterThanOrEqualTo(LargeApp.Count);
        await Expect(page.Nodes).ToHaveCountAsync(300);
        (await page.Page.TextContentAsync("#sprig-graph-note")).Should().Be($"Showing 300 of {total} components — type in the search box to narrow.");
        (await page.Page.Locator("#sprig-timeline rect.bar[data-phase='create']").CountAsync()).Should().BeGreaterThanOrEqualTo(LargeApp.Count);
        await page.ScreenshotAsync("diagnostics-1000");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ConfigurationTable_Shows500Keys_AndTheFilterNarrows()
    {
        await using var page = await browser.OpenAsync(app.Host.Page);
        var keys = (await app.Host.JsonAsync("config")).GetArrayLength();
        var rows = page.Page.Locator("#sprig-config tbody tr[data-key]");

        keys.Should().BeGreaterThan(600);
        await Expect(rows).ToHaveCountAsync(500);
        (await page.Page.TextContentAsync("#sprig-config tbody tr:last-child")).Should().Be($"Showing 500 of {keys} keys — type in the filter box to narrow.");

        await page.Page.FillAsync("#sprig-config-search", "big:key59");

        await Expect(rows).ToHaveCountAsync(10);
        (await page.Page.TextContentAsync("#sprig-config tr[data-key='big:key599'] td:nth-child(2)")).Should().Be("value 599");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_NarrowsTheGraph_ToTheMatchingComponents()
    {
        await using var page = await browser.OpenAsync(app.Host.Page);
        var names = (await app.Host.JsonAsync("components")).EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();

        await page.Page.FillAsync("#sprig-search", "c0012");

        var expected = names.Where(n => n.Contains("c0012", StringComparison.OrdinalIgnoreCase)).ToList();
        expected.Should().HaveCount(10, "C00120 to C00129");
        await Expect(page.Nodes).ToHaveCountAsync(10);
        (await page.NodeNamesAsync()).Should().BeEquivalentTo(expected);
        (await page.Page.TextContentAsync("#sprig-graph-note")).Should().BeEmpty();

        await page.Page.FillAsync("#sprig-search", "C");

        await Expect(page.Nodes).ToHaveCountAsync(300);
        (await page.Page.TextContentAsync("#sprig-graph-note")).Should().Be(
            $"Showing 300 of {names.Count(n => n.Contains('c', StringComparison.OrdinalIgnoreCase))} components — type in the search box to narrow.");
        page.Errors.Should().BeEmpty();
    }
}
