using NATS.Client.Core;
using NATS.NKeys;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats.Configuration;

/// <summary>
/// Checks the authentication settings of <c>Sprig:Nats</c> and turns them into NATS.Net's <see cref="NatsAuthOpts"/>. No message
/// it writes holds a password, token or seed: they name the key, and a file by its path.
/// </summary>
internal static class NatsAuthentication
{
    private const string SeedFileHolds = "the file that holds the user's NKey seed (a line starting with 'SU', as 'nk -gen user' writes it)";
    private const string CredentialsFileHolds = "the user's credentials file (a .creds file with the user's JWT and NKey seed, as 'nsc generate creds' writes it)";
    private const string JwtBlock = "-----BEGIN NATS USER JWT-----";
    private const string SeedBlock = "-----BEGIN USER NKEY SEED-----";
    private const string UrlWay = "the credentials in Sprig:Nats:Url";

    /// <summary>Adds every problem of the authentication settings to <paramref name="problems"/>, reading the files they name.</summary>
    public static void Check(NatsTransportOptions options, List<string> problems) => Resolve(options, problems);

    /// <summary>Returns the NATS.Net authentication options; credentials in the URL are left to NATS.Net, which reads them there.</summary>
    /// <exception cref="ContainerException">A setting is wrong, or a file it names is gone or changed since the options were read.</exception>
    public static NatsAuthOpts Create(NatsTransportOptions options)
    {
        var problems = new List<string>();
        var auth = Resolve(options, problems);
        return problems.Count == 0 ? auth : throw new ContainerException(NatsErrors.OptionsInvalid(problems));
    }

    /// <summary>
    /// Names the keys whose credentials this process sends ("Sprig:Nats:Token"), or returns <see langword="null"/> when it sends
    /// none. Refresh has made sure that there is at most one way.
    /// </summary>
    public static string? SentWith(NatsTransportOptions options) => Ways(options) switch
    {
        [] => null,
        [UrlWay] => "Sprig:Nats:Url",
        ["Sprig:Nats:User"] => "Sprig:Nats:User and Sprig:Nats:Password",
        var ways => string.Join(" and ", ways),
    };

    /// <summary>
    /// Names the NATS user this process connects as, for messages about its permissions, without a secret: "user 'alice'
    /// (Sprig:Nats:User)", "the user of Sprig:Nats:CredentialsFile", or the server's default user when it sends no credentials.
    /// </summary>
    public static string Identity(NatsTransportOptions options) => options.User is { } user
        ? $"user '{user}' (Sprig:Nats:User)"
        : SentWith(options) is { } keys
            ? $"the user of {keys}"
            : "the server's default user: this process sends no credentials";

    /// <summary>Tells whether any of the URLs holds a user, password or token.</summary>
    private static bool UrlHasCredentials(string urls) =>
        urls.Split(',').Any(url => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0);

    private static List<string> Ways(NatsTransportOptions options)
    {
        var ways = new List<string>();
        if (UrlHasCredentials(options.Url))
        {
            ways.Add(UrlWay);
        }

        if (options.User is not null || options.Password is not null)
        {
            ways.Add(options.User is not null ? "Sprig:Nats:User" : "Sprig:Nats:Password");
        }

        foreach (var (key, value) in new[]
        {
            ("Token", options.Token), ("NKey", options.NKey), ("NKeyFile", options.NKeyFile), ("CredentialsFile", options.CredentialsFile),
        })
        {
            if (value is not null)
            {
                ways.Add($"Sprig:Nats:{key}");
            }
        }

        return ways;
    }

    private static NatsAuthOpts Resolve(NatsTransportOptions options, List<string> problems)
    {
        var ways = Ways(options);
        if (ways.Count > 1)
        {
            problems.Add(NatsErrors.AuthenticationConflict(ways));
        }

        var auth = NatsAuthOpts.Default;
        if (options.Password is not null && options.User is null)
        {
            problems.Add(NatsErrors.PasswordWithoutUser());
        }
        else if (options.User is not null && options.Password is null)
        {
            problems.Add(NatsErrors.UserWithoutPassword(options.User));
        }
        else if (options.User is not null)
        {
            auth = auth with { Username = options.User, Password = options.Password };
        }

        if (options.Token is not null)
        {
            auth = auth with { Token = options.Token };
        }

        if (options.NKey is not null)
        {
            if (PublicKey(options.NKey) is { } publicKey)
            {
                auth = auth with { Seed = options.NKey, NKey = publicKey };
            }
            else
            {
                problems.Add(IsUserPublicKey(options.NKey) ? NatsErrors.NKeyIsPublicKey(options.NKey) : NatsErrors.NKeyInvalid());
            }
        }

        if (options.NKeyFile is not null && Read("NKeyFile", options.NKeyFile, SeedFileHolds, problems) is { } seedFile)
        {
            // Not NATS.Net's NKeyFile: it also wants the public key in the file, which 'nk -gen user > user.nk' does not write.
            var seed = seedFile.Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("SU", StringComparison.Ordinal));
            if (seed is not null && PublicKey(seed) is { } publicKey)
            {
                auth = auth with { Seed = seed, NKey = publicKey };
            }
            else
            {
                problems.Add(NatsErrors.NKeyFileWithoutSeed(options.NKeyFile));
            }
        }

        if (options.CredentialsFile is not null && Read("CredentialsFile", options.CredentialsFile, CredentialsFileHolds, problems) is { } credentials)
        {
            // NATS.Net reads the file again when it connects; this makes a wrong file a clear error at refresh rather than a failed
            // connection. The JWT itself is the server's to judge.
            if (LineAfter(credentials, JwtBlock) is { Length: > 0 } && LineAfter(credentials, SeedBlock) is { } seed && PublicKey(seed) is not null)
            {
                auth = auth with { CredsFile = Path.GetFullPath(options.CredentialsFile) };
            }
            else
            {
                problems.Add(NatsErrors.NotCredentialsFile(options.CredentialsFile));
            }
        }

        return auth;
    }

    /// <summary>Returns the public key of a user seed, or <see langword="null"/> when the text is not one.</summary>
    private static string? PublicKey(string seed)
    {
        // A user seed is 58 base32 characters: 'S', the type 'U', the key and a checksum. The shape is checked first, since
        // NATS.NKeys answers malformed text with several kinds of exception.
        if (seed.Length != 58 || !seed.StartsWith("SU", StringComparison.Ordinal) || !IsBase32(seed))
        {
            return null;
        }

        try
        {
            using var pair = KeyPair.FromSeed(seed.AsSpan());
            return pair.Prefix == PrefixByte.User ? pair.GetPublicKey() : null;
        }
        catch (Exception ex) when (ex is NKeysException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Tells whether a text is a user's public key (56 base32 characters starting with 'U'), which is no secret.</summary>
    private static bool IsUserPublicKey(string text)
    {
        if (text.Length != 56 || text[0] != 'U' || !IsBase32(text))
        {
            return false;
        }

        try
        {
            return KeyPair.IsValidPublicKey(PrefixByte.User, text.AsSpan());
        }
        catch (Exception ex) when (ex is NKeysException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsBase32(string text) => text.All(c => char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7');

    /// <summary>Returns the trimmed line after a credentials file's block header, as NATS.Net reads it, or <see langword="null"/>.</summary>
    private static string? LineAfter(string[] lines, string header)
    {
        var at = Array.FindIndex(lines, line => line.Trim().StartsWith(header, StringComparison.Ordinal));
        return at >= 0 && at + 1 < lines.Length ? lines[at + 1].Trim() : null;
    }

    /// <summary>Reads a file a setting names, or adds why it cannot be read to <paramref name="problems"/>.</summary>
    private static string[]? Read(string key, string path, string expected, List<string> problems)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            problems.Add(NatsErrors.FileMissing(key, path, fullPath, expected));
            return null;
        }

        try
        {
            return File.ReadAllLines(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(NatsErrors.FileUnreadable(key, path, ex.Message));
            return null;
        }
    }
}
