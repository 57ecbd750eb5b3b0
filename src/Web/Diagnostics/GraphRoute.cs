using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// <c>GET {prefix}/graph?format=json|dot|mermaid&amp;root=&amp;depth=</c>: <see cref="ApplicationContext.ExportGraph"/>'s text
/// (JSON by default). A format, root or depth it does not know is a 400 problem naming the parameter, the value and what is allowed.
/// </summary>
internal static class GraphRoute
{
    private const string Formats = "json, dot, mermaid";

    public static async Task WriteAsync(HttpContext http, ApplicationContext context, string prefix)
    {
        var query = http.Request.Query;
        var format = query["format"].ToString();
        (GraphFormat Format, string ContentType)? chosen = format.ToUpperInvariant() switch
        {
            "" or "JSON" => (GraphFormat.Json, "application/json; charset=utf-8"),
            "DOT" => (GraphFormat.Dot, "text/vnd.graphviz; charset=utf-8"),
            "MERMAID" => (GraphFormat.Mermaid, "text/plain; charset=utf-8"),
            _ => null,
        };
        if (chosen is not { } graph)
        {
            await BadAsync(http, "format", WebErrors.BadQueryValue("format", format, Formats)).ConfigureAwait(false);
            return;
        }

        var depth = int.MaxValue;
        var depthText = query["depth"].ToString();
        if (depthText.Length > 0 && (!int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out depth)))
        {
            await BadAsync(http, "depth", WebErrors.BadQueryValue("depth", depthText, "a whole number of 0 or more: how many links to follow from the root")).ConfigureAwait(false);
            return;
        }

        var root = query["root"].ToString() is { Length: > 0 } named ? named : null;
        string text;
        try
        {
            text = context.ExportGraph(graph.Format, root, depth);
        }
        catch (ComponentNotFoundException ex) when (root is not null && ex.Requested == root)
        {
            await BadAsync(http, "root", WebErrors.BadQueryValue("root", root, $"the name of a component that is in (GET {prefix}/components lists them)") + " " + ex.Message).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = graph.ContentType;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(text, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task BadAsync(HttpContext http, string parameter, string detail) =>
        Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "Invalid query parameter.", detail, new Dictionary<string, object?> { ["parameter"] = parameter });
}
