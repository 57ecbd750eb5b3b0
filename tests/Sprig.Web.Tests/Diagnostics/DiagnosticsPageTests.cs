using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.StaticFiles;
using Sprig.Web.Tests.Security;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>The page at <c>{prefix}</c> and its assets at <c>{prefix}/assets/{file}</c>, served from Sprig.Web's embedded resources.</summary>
public sealed class DiagnosticsPageTests
{
    [Theory]
    [InlineData("/sprig")]
    [InlineData("/sprig/")]
    public async Task Page_IsTheEmbeddedIndexHtml_WithABaseForItsRelativeUrls(string path)
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry());

        using var response = await host.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        var source = await File.ReadAllTextAsync(Path.Combine(PageFolder(), "index.html"));
        var head = source.IndexOf('>', source.IndexOf("<head", StringComparison.OrdinalIgnoreCase)) + 1;
        (await response.Content.ReadAsStringAsync()).Should().Be(source.Insert(head, "<base href=\"/sprig/\">"));
    }

    [Fact]
    public async Task Page_HasTheBaseOfItsPrefix_WhenMappedElsewhere()
    {
        await using var host = await DiagnosticsHost.StartAsync(new PendingRegistry(), map: app => app.MapSprigDiagnostics("/ops/sprig"));

        using var response = await host.GetAsync("/ops/sprig");

        (await response.Content.ReadAsStringAsync()).Should().Contain("<head><base href=\"/ops/sprig/\">");
        (await host.GetJsonAsync("/ops/sprig/conditions")).ShouldBeJson("[]");
    }

    [Fact]
    public async Task EveryFileBesideThePage_IsServedAsAnAsset_WithTheContentTypeOfItsExtension()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry());
        var types = new FileExtensionContentTypeProvider();
        Assets().Should().NotBeEmpty("the page has at least its icon beside it");

        foreach (var file in Assets())
        {
            using var response = await host.GetAsync($"/sprig/assets/{file}");

            response.StatusCode.Should().Be(HttpStatusCode.OK, "the asset {0} is embedded", file);
            var type = types.TryGetContentType(file, out var known) ? known : "application/octet-stream";
            response.Content.Headers.ContentType!.MediaType.Should().Be(type);
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(Path.Combine(PageFolder(), file)));
        }
    }

    [Fact]
    public async Task UnknownAsset_Answers404ListingTheAssets_AndTheServerKeepsServing()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry());

        using var response = await host.GetAsync("/sprig/assets/nope.js");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "No such asset.", type: null);
        problem.Detail.Should().Be($"The diagnostics page has no asset 'nope.js'. Assets: {string.Join(", ", Assets().Select(a => $"'{a}'"))}.");
        using var page = await host.GetAsync("/sprig");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("sprig/")]
    [InlineData("/sprig}")]
    public async Task MapSprigDiagnostics_Throws_ForAPrefixThatIsNoPath(string prefix)
    {
        var start = () => DiagnosticsHost.StartAsync(new PendingRegistry(), map: app => app.MapSprigDiagnostics(prefix));

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Be(
            $"The diagnostics prefix '{prefix}' is not a path: it must start with '/' (e.g. \"/sprig\"), and may not end with '/' or contain '?', '#', '{{' or '}}'. (Parameter 'prefix')");
    }

    /// <summary>The files of src/Web/Diagnostics/Page other than index.html, relative to it, with '/' separators.</summary>
    private static List<string> Assets() =>
        [.. Directory.EnumerateFiles(PageFolder(), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PageFolder(), f).Replace('\\', '/'))
            .Where(f => f != "index.html")
            .Order(StringComparer.Ordinal)];

    private static string PageFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../src/Web/Diagnostics/Page"));
}
