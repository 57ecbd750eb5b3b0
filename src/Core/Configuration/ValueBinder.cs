using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;

namespace Sprig.Configuration;

/// <summary>
/// Reads a <see cref="ValueAttribute"/> value and converts it to the member's type: scalars with the type's
/// <see cref="TypeConverter"/> (as the configuration binder does), objects and lists with the configuration binder.
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

        try
        {
            value = section.Get(type);
            return true;
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationBindingException(Errors.ValueBinding(component, point, normalized, section.Value, type), component, normalized, section.Value, type, ex);
        }
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
            return TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, raw);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            throw new ConfigurationBindingException(Errors.ValueBinding(component, point, key, raw, type), component, key, raw, type, ex);
        }
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri);
    }
}
