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

        section = configuration.GetSection(key);
        return section.Exists() ? section : null;
    }
}
