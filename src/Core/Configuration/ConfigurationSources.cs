using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Sprig.Configuration;

/// <summary>Says which configuration source supplies a key, for the condition report.</summary>
internal static class ConfigurationSources
{
    public static string? Describe(IConfiguration configuration, string key)
    {
        var (found, _, provider, form) = ConfigurationKeys.Lookup(configuration, key);
        return found && provider is not null ? Describe(provider, form) : null;
    }

    private static string? Describe(IConfigurationProvider provider, string key) => provider switch
    {
        EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentVariableName(key),
        CommandLineConfigurationProvider => "command-line argument --" + key,
        FileConfigurationProvider file => System.IO.Path.GetFileName(file.Source.Path) ?? file.Source.Path,
        MemoryConfigurationProvider => "in-memory configuration",
        ChainedConfigurationProvider chained => Describe(chained.Configuration, key),
        _ => provider.GetType().Name,
    };

    private static string EnvironmentVariableName(string key)
    {
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (string.Equals(name.Replace("__", ":", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }
}
