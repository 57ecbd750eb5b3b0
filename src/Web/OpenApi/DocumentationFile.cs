using System.Diagnostics.CodeAnalysis;
using System.Collections.Frozen;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;

namespace Sprig.Web.OpenApi;

/// <summary>
/// The XML documentation file of one assembly (<c>&lt;GenerateDocumentationFile&gt;true&lt;/GenerateDocumentationFile&gt;</c>
/// writes <c>App.xml</c> next to <c>App.dll</c>), read once and kept as long as the assembly. A missing or unreadable file is
/// an empty one: documentation is optional.
/// </summary>
internal sealed class DocumentationFile
{
    private static readonly DocumentationFile Empty = new(FrozenDictionary<string, XElement>.Empty);

    // Collectible assemblies can unload: the table lets their files go with them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Assembly, DocumentationFile> Files = [];

    private readonly FrozenDictionary<string, XElement> _members;

    private DocumentationFile(FrozenDictionary<string, XElement> members) => _members = members;

    /// <summary>Gets the documentation file of an assembly, reading it on first use.</summary>
    public static DocumentationFile Of(Assembly assembly) => Files.GetValue(assembly, Load);

    /// <summary>Finds a member's <c>&lt;member&gt;</c> element by its ID (see <see cref="DocumentationId"/>).</summary>
    public XElement? Find(string id) => _members.GetValueOrDefault(id);

    private static DocumentationFile Load(Assembly assembly)
    {
        if (PathOf(assembly) is not { } path || !File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (var member in XDocument.Load(reader).Root?.Element("members")?.Elements("member") ?? [])
            {
                if (member.Attribute("name")?.Value is { Length: > 0 } name)
                {
                    members.TryAdd(name, member);
                }
            }

            return new DocumentationFile(members.ToFrozenDictionary(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            // A documentation file that cannot be read leaves the document without descriptions, never without operations.
            return Empty;
        }
    }

    /// <summary>Gets the path of the file: next to the assembly, or in the application's folder for an assembly without a location (single-file apps).</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (single-file, Native AOT) is handled: the file is looked for in the application's folder.")]
    private static string? PathOf(Assembly assembly)
    {
        if (assembly.IsDynamic)
        {
            return null;
        }

        return string.IsNullOrEmpty(assembly.Location)
            ? Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml")
            : Path.ChangeExtension(assembly.Location, ".xml");
    }
}
