using System;
using System.Collections.Generic;
using System.Linq;

namespace Sprig.Diagnostics;

/// <summary>
/// Finds the registered names closest to a mistyped one ("did you mean"), and says them. Sprig.Generator compiles this same file
/// (netstandard2.0), so that its analyzers suggest exactly what refresh suggests.
/// </summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> For(string requested, IEnumerable<string> names, int max = 3)
    {
        var threshold = Math.Max(2, requested.Length / 3);
        var upper = requested.ToUpperInvariant();
        return names
            .Select(n => (Name: n, Distance: Distance(upper, n.ToUpperInvariant())))
            .Where(x => x.Distance <= threshold || Contains(x.Name, requested) || Contains(requested, x.Name))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Returns " Did you mean 'X'?" (or "one of: ..."), or "" for no suggestion.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => "",
        1 => $" Did you mean '{suggestions[0]}'?",
        _ => $" Did you mean one of: {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?",
    };

#pragma warning disable CA2249 // netstandard2.0 (Sprig.Generator compiles this file) has no string.Contains(string, StringComparison).
    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
#pragma warning restore CA2249

    // Levenshtein distance with two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
