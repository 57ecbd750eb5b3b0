namespace Sprig.Hosting;

/// <summary>
/// Tells which configuration keys look secret, so that their values are never shown: a key with a segment that contains
/// "password", "pwd", "secret", "token", "credential" or "connectionstring", a segment with the word "key" (<c>ApiKey</c>, <c>key</c>,
/// <c>SigningKey</c>, <c>api_key</c>, <c>APIKEY</c>), or under <c>ConnectionStrings</c>. Sprig.Web's <c>GET {prefix}/config</c> masks their
/// values, and the condition report (<c>[ConditionalOnProperty]</c>) does not quote them. Public so that hosts and condition
/// libraries apply the same rule.
/// </summary>
public static class SecretKeys
{
    /// <summary>What is shown instead of a secret value.</summary>
    public const string Mask = "******";

    private static readonly string[] SecretParts = ["password", "pwd", "secret", "token", "credential", "connectionstring"];

    /// <summary>Tells whether the value of <paramref name="key"/> (colon- or dot-separated) must not be shown.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>True when the key looks secret.</returns>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var segment in key.Split(':'))
        {
            if (segment.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                || SecretParts.Any(part => segment.Contains(part, StringComparison.OrdinalIgnoreCase))
                || Words(segment).Any(IsKeyWord))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tells whether a word is "key": "Key", "keys", or a word of one case that ends with it — environment variables and
    /// lower-case files run words together ("APIKEY", "signingkeys"); "Monkey" is one word, not a key.
    /// </summary>
    private static bool IsKeyWord(string word) =>
        word.Equals("key", StringComparison.OrdinalIgnoreCase) || word.Equals("keys", StringComparison.OrdinalIgnoreCase)
        || ((word.EndsWith("key", StringComparison.OrdinalIgnoreCase) || word.EndsWith("keys", StringComparison.OrdinalIgnoreCase))
            && (word.All(c => !char.IsLower(c)) || word.All(c => !char.IsUpper(c))));

    /// <summary>Splits a key segment into words: at separators and where a lower-case letter or digit meets an upper-case one.</summary>
    private static IEnumerable<string> Words(string segment)
    {
        var start = 0;
        for (var i = 0; i <= segment.Length; i++)
        {
            var end = i == segment.Length;
            var separator = !end && !char.IsLetterOrDigit(segment[i]);
            var hump = !end && i > 0 && char.IsUpper(segment[i]) && (char.IsLower(segment[i - 1]) || char.IsDigit(segment[i - 1]));
            if (end || separator || hump)
            {
                if (i > start)
                {
                    yield return segment[start..i];
                }

                start = separator ? i + 1 : i;
            }
        }
    }
}
