using System.Text;

namespace Sprig.Web.Diagnostics;

/// <summary>Writes a type's full name as C# reads it: <c>App.Repository&lt;App.User&gt;</c>, <c>App.Outer.Inner</c>, <c>int[]</c>.</summary>
internal static class TypeNames
{
    public static string Readable(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (type.IsArray)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (type.IsGenericParameter)
        {
            builder.Append(type.Name);
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(builder, underlying);
            builder.Append('?');
            return;
        }

        // A nested type's generic arguments include its outer types'; each level takes its own share.
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        AppendNested(builder, type, arguments);
    }

    private static int AppendNested(StringBuilder builder, Type type, Type[] arguments)
    {
        int used;
        if (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            used = AppendNested(builder, outer, arguments);
            builder.Append('.');
        }
        else
        {
            used = 0;
            if (!string.IsNullOrEmpty(type.Namespace))
            {
                builder.Append(type.Namespace).Append('.');
            }
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0)
        {
            builder.Append(name);
            return used;
        }

        builder.Append(name, 0, tick);
        var count = int.Parse(name.AsSpan(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
        builder.Append('<');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var index = used + i;
            if (index < arguments.Length)
            {
                Append(builder, arguments[index]);
            }
        }

        builder.Append('>');
        return used + count;
    }
}
