using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;
using Sprig.Generated;

namespace Sprig.Configuration;

/// <summary>
/// Reads a <see cref="ValueAttribute"/> value and converts it to the member's type: scalars with the type's
/// <see cref="TypeConverter"/> (as the configuration binder does), objects and lists with the configuration binder. Under Native
/// AOT, where neither may run, scalars are parsed directly and arrays of scalars bound item by item; objects are refused.
/// </summary>
internal static class ValueBinder
{
    public static bool TryBind(IConfiguration configuration, string key, Type type, string component, string point, out object? value)
    {
        value = null;
        var normalized = ConfigurationKeys.Normalize(key);
        if (IsScalar(type))
        {
            var (found, raw, _, _) = ConfigurationKeys.Lookup(configuration, key);
            if (!found)
            {
                return false;
            }

            value = Convert(raw, type, component, point, normalized);
            return true;
        }

        var section = ConfigurationKeys.Section(configuration, key);
        if (section is null)
        {
            return false;
        }

        if (!DynamicCode.IsSupported)
        {
            value = type.IsArray && type.GetElementType() is { } item && IsScalar(item)
                ? BindArray(section, type, item, component, point, normalized)
                : throw new ConfigurationBindingException(Errors.ValueBindingNeedsDynamicCode(component, point, normalized, type), component, normalized, section.Value, type, null);
            return true;
        }

        try
        {
            value = BindObject(section, type);
            return true;
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationBindingException(Errors.ValueBinding(component, point, normalized, section.Value, type), component, normalized, section.Value, type, ex);
        }
    }

    [RequiresDynamicCode(DynamicCode.Message)]
    [RequiresUnreferencedCode(DynamicCode.Message)]
    private static object? BindObject(IConfigurationSection section, Type type) => section.Get(type);

    /// <summary>Binds an array of scalars from the section's children, in the order the configuration lists them.</summary>
    private static Array BindArray(IConfigurationSection section, Type arrayType, Type item, string component, string point, string key)
    {
        var children = section.GetChildren().ToArray();
        var array = Array.CreateInstanceFromArrayType(arrayType, children.Length);
        for (var i = 0; i < children.Length; i++)
        {
            array.SetValue(Convert(children[i].Value, item, component, point, $"{key}:{children[i].Key}"), i);
        }

        return array;
    }

    private static object? Convert(string? raw, Type type, string component, string point, string key)
    {
        if (raw is null || (raw.Length == 0 && type != typeof(string)))
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null
                ? throw new ConfigurationBindingException(Errors.ValueBinding(component, point, key, raw, type), component, key, raw, type, null)
                : null;
        }

        try
        {
            return DynamicCode.IsSupported ? ConvertWithTypeConverter(raw, type) : Parse(raw, Nullable.GetUnderlyingType(type) ?? type);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NotSupportedException or InvalidCastException)
        {
            throw new ConfigurationBindingException(Errors.ValueBinding(component, point, key, raw, type), component, key, raw, type, ex);
        }
    }

    [RequiresUnreferencedCode(DynamicCode.Message)]
    private static object? ConvertWithTypeConverter(string raw, Type type) =>
        TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, raw);

    /// <summary>Parses a scalar (<see cref="IsScalar"/>) with the invariant culture, without <see cref="TypeDescriptor"/>.</summary>
    private static object Parse(string raw, Type type)
    {
        if (type == typeof(string))
        {
            return raw;
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, raw, ignoreCase: true);
        }

        var culture = CultureInfo.InvariantCulture;
        return type == typeof(TimeSpan) ? TimeSpan.Parse(raw, culture)
            : type == typeof(Guid) ? Guid.Parse(raw)
            : type == typeof(Uri) ? new Uri(raw, UriKind.RelativeOrAbsolute)
            : type == typeof(DateTime) ? DateTime.Parse(raw, culture)
            : type == typeof(DateTimeOffset) ? DateTimeOffset.Parse(raw, culture)
            : System.Convert.ChangeType(raw, type, culture); // bool, char, the numbers and decimal
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri);
    }
}
