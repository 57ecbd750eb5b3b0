using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Sprig.Hosting;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Hides the values of configuration keys that look secret, for <c>GET {prefix}/config</c>: a key with a segment that contains
/// "password", "pwd", "secret", "token", "credential" or "connectionstring", a segment with the word "key" (<c>ApiKey</c>, <c>key</c>,
/// <c>SigningKey</c>, <c>api_key</c>, <c>APIKEY</c>), or under <c>ConnectionStrings</c> (<see cref="SecretKeys"/>), is shown as
/// <see cref="SecretKeys.Mask"/>. Any other value keeps its text, but a password in a URL (<c>nats://user:pw@host</c>), a URL's token
/// (<c>nats://token@host</c>) or a connection string's password (<c>Password=...;</c>) is masked in it.
/// </summary>
internal static partial class SecretMask
{
    public static string? Apply(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (SecretKeys.IsSecret(key))
        {
            return SecretKeys.Mask;
        }

        return Embedded(value);
    }

    // Passwords and tokens in URLs, passwords in connection strings.
    private static string Embedded(string text)
    {
        var masked = UrlPassword().Replace(text, "${head}" + SecretKeys.Mask + "@");
        masked = UrlToken().Replace(masked, "${head}" + SecretKeys.Mask + "@");
        return ConnectionStringPassword().Replace(masked, "${name}=" + SecretKeys.Mask);
    }

    /// <summary>
    /// Returns the values of <paramref name="configuration"/>'s secret-looking keys that <see cref="InText"/> masks, longest first:
    /// those of 4 characters or more (shorter ones, "true" or "1", would mask ordinary words).
    /// </summary>
    public static IReadOnlyList<string> Secrets(IConfiguration configuration) =>
        [.. configuration.AsEnumerable()
            .Where(pair => pair.Value is { Length: >= 4 } && SecretKeys.IsSecret(pair.Key))
            .Select(pair => pair.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)];

    /// <summary>
    /// Masks secrets in free text (a health check's description, a condition's message): passwords and tokens in URLs,
    /// passwords in connection strings, and every one of <paramref name="secrets"/> (<see cref="Secrets"/>).
    /// </summary>
    public static string? InText(string? text, IReadOnlyList<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = Embedded(text);
        foreach (var secret in secrets)
        {
            masked = masked.Replace(secret, SecretKeys.Mask, StringComparison.Ordinal);
        }

        return masked;
    }

    // Up to the last '@' before the path: a password written with a raw '@' (nats://ada:p@ss@host) is masked whole.
    [GeneratedRegex(@"(?<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\s]*:)[^/\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    // A URL's user info without a colon is a token to NATS (nats://token@host) and to many services: all of it is masked.
    [GeneratedRegex(@"(?<head>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@:\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlToken();

    // A quoted password ("p;w" or 'p;w') may hold ';': the quotes end it.
    [GeneratedRegex(@"(?<name>\b(?:password|pwd))\s*=\s*(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
