using Microsoft.Playwright;

namespace Sprig.Web.BrowserTests.Support;

/// <summary>An opened diagnostics page; records the page's script errors and console errors, which no test expects.</summary>
public sealed class DiagnosticsPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public DiagnosticsPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Gets the script and console errors so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public ILocator Nodes => Page.Locator("#sprig-graph g.node");

    public ILocator Edges => Page.Locator("#sprig-graph path.edge");

    /// <summary>The <c>data-name</c> of each drawn node.</summary>
    public Task<string[]> NodeNamesAsync() =>
        Nodes.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('data-name'))");

    /// <summary>Each drawn edge as "from -> to (kind)", with " cycle" and " lazy" for those classes.</summary>
    public Task<string[]> EdgeTextsAsync() =>
        Edges.EvaluateAllAsync<string[]>(
            "edges => edges.map(e => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')} (${e.getAttribute('data-kind')})`"
            + " + (e.classList.contains('lazy') ? ' lazy' : '') + (e.classList.contains('cycle') ? ' cycle' : ''))");

    /// <summary>Writes a full-page screenshot to <c>screenshots/{name}.png</c> under the test output and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
