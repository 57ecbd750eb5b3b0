namespace Sprig.Web.OpenApi;

/// <summary>The doc comment of a method, as plain text (Markdown for code): the parts an OpenAPI operation shows.</summary>
/// <param name="Summary">The <c>&lt;summary&gt;</c>: the operation's summary.</param>
/// <param name="Remarks">The <c>&lt;remarks&gt;</c>: the operation's description.</param>
/// <param name="Returns">The <c>&lt;returns&gt;</c>: the description of the success answer.</param>
/// <param name="Parameters">Each <c>&lt;param&gt;</c> by parameter name: the description of the parameter, or of the body it travels in.</param>
internal sealed record MemberDocumentation(string? Summary, string? Remarks, string? Returns, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Gets this documentation with its missing parts taken from <paramref name="inherited"/> (what <c>&lt;inheritdoc/&gt;</c> does).</summary>
    public MemberDocumentation Over(MemberDocumentation? inherited)
    {
        if (inherited is null)
        {
            return this;
        }

        var parameters = new Dictionary<string, string>(inherited.Parameters, StringComparer.Ordinal);
        foreach (var (name, text) in Parameters)
        {
            parameters[name] = text;
        }

        return new MemberDocumentation(Summary ?? inherited.Summary, Remarks ?? inherited.Remarks, Returns ?? inherited.Returns, parameters);
    }
}
