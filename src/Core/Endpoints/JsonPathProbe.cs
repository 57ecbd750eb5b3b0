using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>
/// Follows a serializer error's JSON path (<c>$.rect.width</c>, <c>$.items[0]</c>, <c>$['a.b']</c>) through the JSON and the
/// serializer's metadata at once, to tell which JSON value did not fit which .NET type. Best effort: null when the path leads elsewhere.
/// </summary>
internal static class JsonPathProbe
{
    public static (JsonValueKind Kind, Type Type)? Find(JsonSerializerOptions options, JsonElement value, Type type, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath[0] != '$')
        {
            return null;
        }

        var position = 1;
        while (position < relativePath.Length)
        {
            var typeInfo = options.GetTypeInfo(type);
            if (relativePath[position] == '.' || (relativePath[position] == '[' && position + 1 < relativePath.Length && relativePath[position + 1] == '\''))
            {
                var name = ReadName(relativePath, ref position);
                var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (value.ValueKind != JsonValueKind.Object || !TryGetProperty(value, name, out value))
                {
                    return null;
                }

                if (property is not null)
                {
                    type = property.PropertyType;
                }
                else if (typeInfo.Kind == JsonTypeInfoKind.Dictionary && typeInfo.ElementType is { } valueType)
                {
                    type = valueType;
                }
                else
                {
                    return null;
                }
            }
            else if (relativePath[position] == '[')
            {
                var end = relativePath.IndexOf(']', position);
                if (end < 0 || !int.TryParse(relativePath.AsSpan(position + 1, end - position - 1), out var index)
                    || value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength() || typeInfo.ElementType is not { } elementType)
                {
                    return null;
                }

                value = value[index];
                type = elementType;
                position = end + 1;
            }
            else
            {
                return null;
            }
        }

        return (value.ValueKind, type);
    }

    private static string ReadName(string path, ref int position)
    {
        if (path[position] == '.')
        {
            var start = position + 1;
            var end = start;
            while (end < path.Length && path[end] != '.' && path[end] != '[')
            {
                end++;
            }

            position = end;
            return path[start..end];
        }

        var close = path.IndexOf("']", position + 2, StringComparison.Ordinal);
        var close2 = close < 0 ? path.Length : close;
        var name = path[(position + 2)..close2];
        position = Math.Min(path.Length, close2 + 2);
        return name;
    }

    private static bool TryGetProperty(JsonElement value, string name, out JsonElement found)
    {
        if (value.TryGetProperty(name, out found))
        {
            return true;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
                return true;
            }
        }

        return false;
    }
}
