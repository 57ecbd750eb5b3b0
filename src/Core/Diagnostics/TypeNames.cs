namespace Sprig.Diagnostics;

/// <summary>Full type names as people read them: <c>App.Repository&lt;App.User&gt;</c>, <c>App.Outer.Inner</c>, not <c>App.Repository`1[[…]]</c>.</summary>
internal static class TypeNames
{
    public static string Full(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Full(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer || type.IsByRef)
        {
            return Full(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        var declaring = type.IsNested && type.DeclaringType is { IsGenericType: false } outer ? outer : null;
        var prefix = declaring is not null ? Full(declaring) + "." : string.IsNullOrEmpty(type.Namespace) ? "" : type.Namespace + ".";
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (!type.IsGenericType || tick < 0)
        {
            return prefix + name;
        }

        var arguments = type.GetGenericArguments();
        return $"{prefix}{name[..tick]}<{string.Join(", ", arguments.Select(Full))}>";
    }
}
