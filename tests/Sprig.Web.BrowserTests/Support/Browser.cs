using Microsoft.Playwright;

namespace Sprig.Web.BrowserTests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's <c>/usr/bin/chromium</c> driven by Playwright (no browser
/// download; the Playwright driver ships in the package). Each test opens its own page in a fresh browser context.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where the tests find Chromium; CI installs Debian's package there.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
    }

    /// <summary>Opens <paramref name="url"/> in a new 1400×900 page and waits until every section has drawn its data.</summary>
    public async Task<DiagnosticsPage> OpenAsync(Uri url)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var session = new DiagnosticsPage(context, page);
        var response = await page.GotoAsync(url.ToString());
        response!.Status.Should().Be(200, "the page is served at {0}", url);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
