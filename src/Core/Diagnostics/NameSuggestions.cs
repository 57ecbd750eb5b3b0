namespace Sprig.Diagnostics;

/// <summary>Finds the registered names closest to a mistyped one ("did you mean").</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> For(string requested, IEnumerable<string> names, int max = 3)
    {
        var threshold = Math.Max(2, requested.Length / 3);
        return names
            .Select(n => (Name: n, Distance: Distance(requested.ToUpperInvariant(), n.ToUpperInvariant())))
            .Where(x => x.Distance <= threshold || x.Name.Contains(requested, StringComparison.OrdinalIgnoreCase)
                || requested.Contains(x.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

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
