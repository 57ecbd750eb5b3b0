namespace Sprig.Web.Diagnostics;

/// <summary>
/// Full type names as people read them: <c>App.Repository&lt;App.User&gt;</c>, <c>App.Outer.Inner</c>, not
/// <c>App.Repository`1[[…]]</c> — the same text as the "type" of <see cref="ApplicationContext.ExportGraph"/>'s JSON nodes, so
/// that <c>/components</c> and <c>/graph</c> name a type alike.
/// </summary>
internal static class TypeNames
{
    public static string Readable(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Readable(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer || type.IsByRef)
        {
            return Readable(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        var declaring = type.IsNested && type.DeclaringType is { IsGenericType: false } outer ? outer : null;
        var prefix = declaring is not null ? Readable(declaring) + "." : string.IsNullOrEmpty(type.Namespace) ? "" : type.Namespace + ".";
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (!type.IsGenericType || tick < 0)
        {
            return prefix + name;
        }

        return $"{prefix}{name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(Readable))}>";
    }
}
