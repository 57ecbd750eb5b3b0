using System.Text;

namespace Sprig.Generator.Emitting;

/// <summary>The opening of a generated proxy class, the same for [Lazy] proxies of interfaces and classes and remote proxies.</summary>
internal static class ProxyClassHeader
{
    /// <summary>
    /// Appends the class's summary ("<paramref name="kind"/> of the proxied type: <paramref name="what"/>"), its GeneratedCode
    /// attribute, its file-local sealed declaration deriving from (or implementing) <paramref name="proxied"/>, and its opening brace.
    /// </summary>
    public static void Append(StringBuilder source, string kind, string proxied, string what, string className)
    {
        source.Append("    /// <summary>").Append(kind).Append(" of ").Append(proxied.Replace("global::", "").Replace("<", "{").Replace(">", "}"))
            .Append(": ").Append(what).AppendLine("</summary>");
        source.AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"Sprig.Generator\", \"1.0\")]");
        source.Append("    file sealed class ").Append(className).Append(" : ").AppendLine(proxied);
        source.AppendLine("    {");
    }
}
