using Microsoft.Extensions.Configuration;

namespace Sprig.Configuration;

/// <summary>Relaxed configuration keys: "feature.timeout" and "feature:timeout" name the same value.</summary>
internal static class ConfigurationKeys
{
    public static string Normalize(string key) => key.Replace('.', ':');

    /// <summary>Finds the section for a key in its ':' form, or a source that stores the dotted form flat.</summary>
    public static IConfigurationSection? Find(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Normalize(key));
        if (section.Exists())
        {
            return section;
        }

        // A flat source (in-memory, command line) may store the dotted form as one key.
        var dotted = key.Replace(':', '.');
        section = configuration.GetSection(dotted == key ? key : dotted);
        if (!section.Exists() && dotted != key)
        {
            section = configuration.GetSection(key);
        }

        return section.Exists() ? section : null;
    }
}
