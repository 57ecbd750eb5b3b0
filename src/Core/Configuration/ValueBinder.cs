using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;

namespace Sprig.Configuration;

/// <summary>Reads a <see cref="ValueAttribute"/> value with the configuration binder and converts it to the member's type.</summary>
internal static class ValueBinder
{
    public static bool TryBind(IConfiguration configuration, string key, Type type, string component, string point, out object? value)
    {
        value = null;
        var section = ConfigurationKeys.Find(configuration, key);
        if (section is null)
        {
            return false;
        }

        try
        {
            value = section.Value is not null && IsSimple(type) ? ConvertSimple(section, type) : section.Get(type);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new ConfigurationBindingException(
                Errors.ValueBinding(component, point, ConfigurationKeys.Normalize(key), section.Value, type), component, ConfigurationKeys.Normalize(key), section.Value, type, ex);
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(Uri);
    }

    // ConfigurationBinder.GetValue converts with the type's TypeConverter and throws InvalidOperationException on a bad value.
    private static object? ConvertSimple(IConfigurationSection section, Type type) => section.Get(type) ?? (type.IsValueType ? throw new FormatException() : null);
}
