using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Turns a doc comment element into the text an OpenAPI description shows (CommonMark): the source's line breaks and
/// indentation fold into spaces; <c>&lt;para&gt;</c> starts a paragraph, <c>&lt;c&gt;</c> is inline code, <c>&lt;code&gt;</c> a
/// code block, list items are bullets; <c>&lt;see cref&gt;</c> names the member, <c>&lt;see langword&gt;</c> the keyword,
/// <c>&lt;paramref&gt;</c> the parameter.
/// </summary>
internal static partial class DocumentationText
{
    /// <summary>Renders the element's content; null when there is none.</summary>
    public static string? Render(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        AppendNodes(text, element.Nodes());
        var result = ExtraBlankLines().Replace(TrimLines(text.ToString()), "\n\n").Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Trims the spaces around every line but those of code blocks, whose indentation is the code's.</summary>
    private static string TrimLines(string text)
    {
        var lines = text.Split('\n');
        var code = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim(' ');
            if (trimmed == "```")
            {
                code = !code;
            }

            lines[i] = code && trimmed != "```" ? lines[i].TrimEnd() : trimmed;
        }

        return string.Join('\n', lines);
    }

    private static void AppendNodes(StringBuilder text, IEnumerable<XNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case XText plain:
                    text.Append(Whitespace().Replace(plain.Value, " "));
                    break;
                case XElement element:
                    AppendElement(text, element);
                    break;
            }
        }
    }

    private static void AppendElement(StringBuilder text, XElement element)
    {
        switch (element.Name.LocalName)
        {
            case "see" or "seealso":
                if (element.Nodes().Any())
                {
                    AppendNodes(text, element.Nodes());
                }
                else
                {
                    text.Append(element.Attribute("langword")?.Value ?? CrefName(element.Attribute("cref")?.Value) ?? element.Attribute("href")?.Value);
                }

                break;
            case "paramref" or "typeparamref":
                text.Append(element.Attribute("name")?.Value);
                break;
            case "c":
                text.Append('`').Append(Whitespace().Replace(element.Value, " ").Trim()).Append('`');
                break;
            case "code":
                text.Append("\n\n```\n").Append(Dedent(element.Value)).Append("\n```\n\n");
                break;
            case "para":
                text.Append("\n\n");
                AppendNodes(text, element.Nodes());
                text.Append("\n\n");
                break;
            case "br":
                text.Append('\n');
                break;
            case "item":
                text.Append("\n- ");
                AppendNodes(text, element.Element("description")?.Nodes() ?? element.Element("term")?.Nodes() ?? element.Nodes());
                break;
            case "list":
                AppendNodes(text, element.Elements("item"));
                text.Append("\n\n");
                break;
            case "inheritdoc":
                break;
            default:
                AppendNodes(text, element.Nodes());
                break;
        }
    }

    /// <summary>Names a cref the way a reader says it: <c>T:Ns.Book</c> is Book, <c>M:Ns.Books.Find(System.Int32)</c> is Books.Find.</summary>
    private static string? CrefName(string? cref)
    {
        if (string.IsNullOrEmpty(cref))
        {
            return null;
        }

        var kind = cref.Length > 1 && cref[1] == ':' ? cref[0] : 'T';
        var name = cref.Length > 1 && cref[1] == ':' ? cref[2..] : cref;
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        name = GenericArity().Replace(parameters < 0 ? name : name[..parameters], "");
        var parts = name.Split('.');
        return kind is 'T' or 'N' || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}";
    }

    /// <summary>Removes the indentation the source gave every line of a code block.</summary>
    private static string Dedent(string code)
    {
        var lines = code.Replace("\r", "", StringComparison.Ordinal).Split('\n').SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).Select(l => l.TrimEnd()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();

    [GeneratedRegex(@"`+\d+")]
    private static partial Regex GenericArity();
}
