using Microsoft.Extensions.Configuration;
using Sprig.Web.Diagnostics.Json;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Lists every key of a configuration that has a value, ordered by key, with the value (masked by <see cref="SecretMask"/>) and
/// the provider that won it: the last provider that has the key, looking inside chained configurations.
/// </summary>
internal static class ConfigurationView
{
    public static IReadOnlyList<ConfigJson> Of(IConfiguration configuration)
    {
        var providers = configuration is IConfigurationRoot root ? root.Providers.ToArray() : [];
        return [.. configuration.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => new ConfigJson(pair.Key, SecretMask.Apply(pair.Key, pair.Value), Source(providers, pair.Key) ?? "unknown"))];
    }

    private static string? Source(IConfigurationProvider[] providers, string key)
    {
        for (var i = providers.Length - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out _))
            {
                return providers[i] is ChainedConfigurationProvider { Configuration: IConfigurationRoot chained }
                    ? Source([.. chained.Providers], key) ?? providers[i].GetType().Name
                    : providers[i].GetType().Name;
            }
        }

        return null;
    }
}
