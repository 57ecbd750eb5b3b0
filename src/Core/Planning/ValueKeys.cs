using Microsoft.Extensions.Configuration;
using Sprig.Configuration;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Resolution;

namespace Sprig.Planning;

/// <summary>
/// A [Value] injection point: its configuration key (the attribute's, else <c>Component:Member</c>), read and converted once at
/// refresh into a constant, or its default, or a problem naming the key.
/// </summary>
internal static class ValueKeys
{
    /// <summary>Returns the key a [Value] reads: <paramref name="value"/>'s own, or <c>Component:Member</c> (<c>_port</c> reads <c>Component:Port</c>).</summary>
    public static string KeyOf(ValueAttribute value, string component, InjectionPoint point)
    {
        if (value.Key is { } key)
        {
            return key;
        }

        var member = point.MemberName.TrimStart('_');
        return $"{component}:{char.ToUpperInvariant(member[0])}{member[1..]}";
    }

    /// <summary>Binds the point's value; records a problem and returns a skip when it is missing or cannot be converted.</summary>
    public static Dependency Bind(ValueAttribute value, string component, InjectionPoint point, IConfiguration configuration, Problems problems)
    {
        var key = KeyOf(value, component, point);
        try
        {
            if (ValueBinder.TryBind(configuration, key, point.Type, component, point.Description, out var bound)
                || (value.Default is { } fallback && ValueBinder.TryBind(
                    new ConfigurationBuilder().AddInMemoryCollection([new(ConfigurationKeys.Normalize(key), fallback)]).Build(),
                    key, point.Type, component, point.Description, out bound)))
            {
                return new ConstantDependency(bound);
            }
        }
        catch (ConfigurationBindingException ex)
        {
            problems.Add(ex);
            return SkipDependency.Instance;
        }

        if (point.Optional)
        {
            return point.IsParameter ? new ConstantDependency(point.DefaultValue) : SkipDependency.Instance;
        }

        var normalized = ConfigurationKeys.Normalize(key);
        problems.Add(new ConfigurationBindingException(Errors.MissingValue(component, point.Description, normalized), component, normalized, null, point.Type, null));
        return SkipDependency.Instance;
    }
}
