using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;

namespace Sprig.Governance;

/// <summary>
/// Reads governance from configuration: <c>Sprig:Governance:Defaults:{setting}</c> for every endpoint and
/// <c>Sprig:Governance:{namespace}:{component}:{endpoint}:{setting}</c> for one. Values are whole numbers as
/// <see cref="GovernanceAttribute"/> takes them (0 = not set, -1 = off).
/// </summary>
internal static class GovernanceConfiguration
{
    public const string Section = "Sprig:Governance";

    public const string DefaultsSection = Section + ":Defaults";

    /// <summary>Returns the configuration path of one endpoint's settings.</summary>
    public static string SectionOf(string address) => $"{Section}:{address.Replace('/', ':')}";

    /// <summary>Returns the key of one endpoint's settings in a <see cref="Snapshot"/>.</summary>
    public static string SnapshotKeyOf(string address) => address.Replace('/', ':');

    /// <summary>
    /// Copies every governance setting, by its section (Defaults, or "{namespace}:{component}:{endpoint}", ignoring case), so that
    /// calls read a snapshot that only a valid reload replaces.
    /// </summary>
    public static Dictionary<string, GovernanceValues> Snapshot(IConfiguration configuration)
    {
        var sections = new Dictionary<string, GovernanceValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.GetSection(Section).AsEnumerable(makePathsRelative: true))
        {
            var colon = entry.Key.LastIndexOf(':');
            if (entry.Value is null || colon < 0
                || GovernanceValues.Keys.FirstOrDefault(k => string.Equals(k, entry.Key[(colon + 1)..], StringComparison.OrdinalIgnoreCase)) is not { } key
                || !int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < -1)
            {
                continue;
            }

            var section = entry.Key[..colon];
            sections[section] = (sections.TryGetValue(section, out var values) ? values : default).With(key, value);
        }

        return sections;
    }

    /// <summary>Lists every governance key that is misspelt, misplaced or not a whole number of at least -1, with how to fix it.</summary>
    public static List<string> Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var entry in configuration.GetSection(Section).AsEnumerable(makePathsRelative: true))
        {
            if (entry.Value is null)
            {
                continue;
            }

            var parts = entry.Key.Split(':');
            var setting = parts[^1];
            var known = GovernanceValues.Keys.FirstOrDefault(k => string.Equals(k, setting, StringComparison.OrdinalIgnoreCase));
            var placed = parts.Length == 2 && string.Equals(parts[0], "Defaults", StringComparison.OrdinalIgnoreCase) || parts.Length == 4;
            if (known is null || !placed)
            {
                problems.Add(Errors.GovernanceKeyUnknown($"{Section}:{entry.Key}", known is null ? NameSuggestions.For(setting, GovernanceValues.Keys) : []));
            }
            else if (!int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < -1)
            {
                problems.Add(Errors.GovernanceValueInvalid($"{Section}:{entry.Key}", entry.Value, known));
            }
        }

        return problems;
    }
}
