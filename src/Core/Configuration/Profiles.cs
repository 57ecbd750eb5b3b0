using Microsoft.Extensions.Configuration;

namespace Sprig.Configuration;

/// <summary>The one reader of the active profiles: configuration key <c>profiles:active</c> (or <c>profiles.active</c>), comma-separated.</summary>
internal static class Profiles
{
    public const string Key = "profiles:active";

    /// <summary>Returns the profiles a configuration activates, in order, trimmed, each once (ignoring case).</summary>
    public static List<string> Of(IConfiguration configuration) => Parse(ConfigurationKeys.Get(configuration, Key));

    /// <summary>Splits a comma-separated list of profiles: in order, trimmed, empty entries dropped, each once (ignoring case).</summary>
    /// <summary>Returns the active profiles as a set that ignores case, as conditions and <see cref="ApplicationContext.ActiveProfiles"/> read them.</summary>
    public static HashSet<string> Active(IConfiguration configuration) => Of(configuration).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static List<string> Parse(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
