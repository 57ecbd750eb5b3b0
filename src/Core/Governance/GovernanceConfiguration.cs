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

    /// <summary>Returns the section path of one endpoint's settings.</summary>
    public static string SectionOf(string address) => $"{Section}:{address.Replace('/', ':')}";

    /// <summary>Reads the settings of one section; a value that is not a whole number counts as not set (<see cref="Validate"/> reports it).</summary>
    public static GovernanceValues Read(IConfiguration configuration, string section)
    {
        var values = default(GovernanceValues);
        var found = configuration.GetSection(section);
        foreach (var key in GovernanceValues.Keys)
        {
            if (found[key] is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= -1)
            {
                values = values.With(key, value);
            }
        }

        return values;
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
