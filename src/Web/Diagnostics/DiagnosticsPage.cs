using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// The diagnostics page, embedded in this assembly (every file of <c>Diagnostics/Page/</c> under the logical name
/// <c>SprigDiagnostics/{file}</c>): <c>index.html</c> is the page at <c>{prefix}</c>, every other file an asset at
/// <c>{prefix}/assets/{file}</c> with the content type of its extension. The page gets a <c>&lt;base href="{prefix}/"&gt;</c>, so
/// that its relative URLs (<c>health</c>, <c>assets/app.js</c>) reach the routes whether it was asked as <c>{prefix}</c> or
/// <c>{prefix}/</c>. Nothing is loaded from elsewhere: the page's content security policy allows this origin only.
/// </summary>
internal sealed class DiagnosticsPage
{
    public const string ResourcePrefix = "SprigDiagnostics/";
    public const string IndexFile = "index.html";

    // Scripts only from this origin's files (never inline: text that slipped into the markup could not run); inline style
    // attributes are allowed (index.html has a few); no plugins, forms elsewhere, other <base> or framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _index;
    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _assets;

    private DiagnosticsPage(string index, FrozenDictionary<string, (byte[] Content, string ContentType)> assets)
    {
        _index = index;
        _assets = assets;
    }

    public static DiagnosticsPage Load()
    {
        var assembly = typeof(DiagnosticsPage).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var index = "<!DOCTYPE html><html><head><title>Sprig</title></head><body>The diagnostics page is missing from Sprig.Web.</body></html>";
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (file == IndexFile)
            {
                index = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                continue;
            }

            var type = types.TryGetContentType(file, out var known) ? known : "application/octet-stream";
            assets[file] = (buffer.ToArray(), Textual(type) ? type + "; charset=utf-8" : type);
        }

        return new DiagnosticsPage(index, assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IEnumerable<string> Assets => _assets.Keys.Order(StringComparer.Ordinal);

    public Task WriteIndexAsync(HttpContext http, string prefix)
    {
        var html = WithBase(_index, $"{http.Request.PathBase}{prefix}/");
        Headers(http, "text/html; charset=utf-8");
        return http.Response.WriteAsync(html, http.RequestAborted);
    }

    public async Task WriteAssetAsync(HttpContext http, string file)
    {
        if (!_assets.TryGetValue(file, out var asset))
        {
            await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No such asset.", WebErrors.UnknownAsset(file, Assets)).ConfigureAwait(false);
            return;
        }

        Headers(http, asset.ContentType);
        http.Response.ContentLength = asset.Content.Length;
        await http.Response.Body.WriteAsync(asset.Content, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Puts <c>&lt;base href&gt;</c> first in the page's head; a page without a head gets one after its doctype.</summary>
    internal static string WithBase(string html, string href)
    {
        var tag = $"<base href=\"{WebUtility.HtmlEncode(href)}\">";
        var head = html.IndexOf("<head", StringComparison.OrdinalIgnoreCase);
        if (head >= 0 && html.IndexOf('>', head) is var end and >= 0)
        {
            return html.Insert(end + 1, tag);
        }

        var doctype = html.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) ? html.IndexOf('>') + 1 : 0;
        return html.Insert(doctype, $"<head>{tag}</head>");
    }

    private static void Headers(HttpContext http, string contentType)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private static bool Textual(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "application/json" or "image/svg+xml";
}
