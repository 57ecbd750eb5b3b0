using Microsoft.Extensions.Configuration;

namespace Sprig.Configuration;

/// <summary>
/// Relaxed configuration keys: "feature.timeout" and "feature:timeout" name the same value, also when a flat source (in-memory,
/// command line) stores the dotted form as one key. Sources keep their precedence: the highest source that has either form wins.
/// </summary>
internal static class ConfigurationKeys
{
    public static string Normalize(string key) => key.Replace('.', ':');

    /// <summary>Finds a scalar value, and the provider and key form it came from.</summary>
    public static (bool Found, string? Value, IConfigurationProvider? Provider, string Key) Lookup(IConfiguration configuration, string key)
    {
        var colon = Normalize(key);
        var dotted = key.Replace(':', '.');
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.Reverse())
            {
                if (provider.TryGet(colon, out var value))
                {
                    return (true, value, provider, colon);
                }

                if (dotted != colon && provider.TryGet(dotted, out value))
                {
                    return (true, value, provider, dotted);
                }
            }

            return (false, null, null, colon);
        }

        if (configuration[colon] is { } plain)
        {
            return (true, plain, null, colon);
        }

        return configuration[dotted] is { } flat ? (true, flat, null, dotted) : (false, null, null, colon);
    }

    /// <summary>Returns a scalar value, or null when no source sets the key.</summary>
    public static string? Get(IConfiguration configuration, string key) => Lookup(configuration, key).Value;

    /// <summary>Finds the section for a key (for binding objects and lists), in its ':' form or as a flat dotted key.</summary>
    public static IConfigurationSection? Section(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Normalize(key));
        if (section.Exists())
        {
            return section;
        }

        section = configuration.GetSection(key.Replace(':', '.'));
        return section.Exists() ? section : null;
    }
}
