using System.Text.RegularExpressions;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Hides the values of configuration keys that look secret, for <c>GET {prefix}/config</c>: a key with a segment that contains
/// "password", "pwd", "secret", "token" or "connectionstring", a segment with the word "key" (<c>ApiKey</c>, <c>key</c>,
/// <c>SigningKey</c>, <c>api_key</c>), or under <c>ConnectionStrings</c>, is shown as <see cref="Mask"/>. Any other value keeps its
/// text, but a password in a URL (<c>nats://user:pw@host</c>) or in a connection string (<c>Password=...;</c>) is masked in it.
/// </summary>
internal static partial class SecretMask
{
    public const string Mask = "******";

    private static readonly string[] SecretParts = ["password", "pwd", "secret", "token", "connectionstring"];

    public static string? Apply(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsSecret(key))
        {
            return Mask;
        }

        var masked = UrlPassword().Replace(value, "${head}" + Mask + "@");
        return ConnectionStringPassword().Replace(masked, "${name}=" + Mask);
    }

    public static bool IsSecret(string key)
    {
        foreach (var segment in key.Split(':'))
        {
            if (segment.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                || SecretParts.Any(part => segment.Contains(part, StringComparison.OrdinalIgnoreCase))
                || Words(segment).Any(word => word.Equals("key", StringComparison.OrdinalIgnoreCase) || word.Equals("keys", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

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

    [GeneratedRegex(@"(?<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\s]*:)[^/@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<name>\b(?:password|pwd))\s*=\s*[^;]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
