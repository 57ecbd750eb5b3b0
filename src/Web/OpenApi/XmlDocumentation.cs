using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Xml.Linq;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Reads a method's doc comment from the XML documentation file of the assembly that declares it. A method documented with
/// <c>&lt;inheritdoc/&gt;</c> (or <c>&lt;inheritdoc cref="..."/&gt;</c>), or not documented at all, takes the parts it lacks from
/// the method it overrides or the interface method it implements — so a component serving a <c>[ComponentContract]</c>
/// interface is described by the interface's comments.
/// </summary>
internal static class XmlDocumentation
{
    // Deep enough for any real chain of overrides and implementations; a cref cycle stops here.
    private const int MaxDepth = 8;

    /// <summary>Gets a method's documentation; null when neither it nor what it inherits from is documented.</summary>
    /// <summary>Why reading documentation is marked: it walks base types and interfaces the trimmer may have removed.</summary>
    public const string NeedsReflection = "XML documentation is matched to methods through their base types and interfaces, which the trimmer does not keep for it.";

    public static MemberDocumentation? Of(MethodInfo method) =>
        // Under Native AOT the OpenAPI document carries no XML documentation: finding it walks types by reflection.
        Hosting.SprigHosting.IsDynamicCodeSupported ? Of(method, 0) : null;

    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    private static MemberDocumentation? Of(MethodInfo method, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var definition = DocumentationId.Definition(method);
        var member = DocumentationFile.Of(definition.Module.Assembly).Find(DocumentationId.Of(definition));
        var own = member is null ? null : Parse(member);
        if (own is not null && member!.Element("inheritdoc") is null)
        {
            return own;
        }

        var inherited = member?.Element("inheritdoc")?.Attribute("cref")?.Value is { } cref
            ? Cref(definition, cref)
            : Inherited(definition, depth);
        return own?.Over(inherited) ?? inherited;
    }

    /// <summary>Finds the documentation an <c>&lt;inheritdoc cref&gt;</c> names, in the files of the method's type, its bases and interfaces.</summary>
    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    private static MemberDocumentation? Cref(MethodInfo method, string cref)
    {
        var type = method.DeclaringType!;
        var assemblies = Bases(type).Concat(type.GetInterfaces()).Select(t => t.Assembly).Prepend(type.Assembly).Distinct();
        return assemblies.Select(a => DocumentationFile.Of(a).Find(cref)).OfType<XElement>().Select(Parse).FirstOrDefault();
    }

    /// <summary>Gets the documentation of the method this one overrides, else of the first documented interface method it implements.</summary>
    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    private static MemberDocumentation? Inherited(MethodInfo method, int depth)
    {
        var type = method.DeclaringType!;
        if (method.GetBaseDefinition() is { } baseMethod && baseMethod != method && Of(BaseOverridden(method) ?? baseMethod, depth + 1) is { } fromBase)
        {
            return fromBase;
        }

        if (type.IsInterface)
        {
            return null;
        }

        foreach (var contract in type.GetInterfaces())
        {
            var map = type.GetInterfaceMap(contract);
            var index = Array.IndexOf(map.TargetMethods, method);
            if (index >= 0 && Of(map.InterfaceMethods[index], depth + 1) is { } fromInterface)
            {
                return fromInterface;
            }
        }

        return null;
    }

    /// <summary>Gets the method one level up that <paramref name="method"/> overrides (GetBaseDefinition skips to the first declaration).</summary>
    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    private static MethodInfo? BaseOverridden(MethodInfo method)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        return method.DeclaringType?.BaseType?.GetMethod(method.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, parameters);
    }

    private static IEnumerable<Type> Bases(Type type)
    {
        for (var current = type.BaseType; current is not null && current != typeof(object); current = current.BaseType)
        {
            yield return current;
        }
    }

    private static MemberDocumentation Parse(XElement member)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var param in member.Elements("param"))
        {
            if (param.Attribute("name")?.Value is { Length: > 0 } name && DocumentationText.Render(param) is { } text)
            {
                parameters.TryAdd(name, text);
            }
        }

        return new MemberDocumentation(
            DocumentationText.Render(member.Element("summary")),
            DocumentationText.Render(member.Element("remarks")),
            DocumentationText.Render(member.Element("returns")),
            parameters);
    }
}
