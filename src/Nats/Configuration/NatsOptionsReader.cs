using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats.Configuration;

/// <summary>Reads <see cref="NatsTransportOptions"/> from configuration, reporting every bad value at once.</summary>
internal static class NatsOptionsReader
{
    private static readonly string[] Schemes = ["nats", "tls", "ws", "wss"];

    /// <summary>Reads the options of section <c>Sprig:Nats</c>.</summary>
    /// <exception cref="ContainerException">A value is missing or does not convert, the ways to authenticate conflict, or a file
    /// they name cannot be read; the message names each key, value (never a secret) and fix.</exception>
    public static NatsTransportOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NatsTransportOptions.Section);
        var defaults = new NatsTransportOptions();
        var problems = new List<string>();

        var url = section["Url"]?.Trim() ?? "";
        if (url.Length == 0)
        {
            problems.Add(NatsErrors.UrlMissing());
        }
        else if (!IsUrl(url))
        {
            // A URL can hold a password: the message shows it redacted.
            problems.Add(NatsErrors.UrlInvalid(url.Contains('@', StringComparison.Ordinal) ? NatsConnector.Redact(url) : url));
        }

        var options = new NatsTransportOptions
        {
            Url = url,
            Serve = Boolean(section, "Serve", defaults.Serve, problems),
            RequestTimeout = Duration(section, "RequestTimeout", defaults.RequestTimeout, problems),
            MaxConcurrency = Count(section, "MaxConcurrency", defaults.MaxConcurrency, "calls", problems),
            HeartbeatInterval = Duration(section, "HeartbeatInterval", defaults.HeartbeatInterval, problems),
            DrainTimeout = Duration(section, "DrainTimeout", defaults.DrainTimeout, problems),
            StreamWindow = Count(section, "StreamWindow", defaults.StreamWindow, "items", problems),
            Name = section["Name"] is { Length: > 0 } name ? name : defaults.Name,
            User = Text(section, "User", trim: true),
            Password = Text(section, "Password", trim: false),
            Token = Text(section, "Token", trim: false),
            NKey = Text(section, "NKey", trim: true),
            NKeyFile = Text(section, "NKeyFile", trim: true),
            CredentialsFile = Text(section, "CredentialsFile", trim: true),
        };
        NatsAuthentication.Check(options, problems);

        if (problems.Count > 0)
        {
            throw new ContainerException(NatsErrors.OptionsInvalid(problems));
        }

        return options;
    }

    private static bool IsUrl(string value) => value.Split(',', StringSplitOptions.TrimEntries).All(part =>
        Uri.TryCreate(part, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) && uri.Host.Length > 0);

    /// <summary>
    /// Reads an optional text; empty or white space is "not set". A password or token is kept exactly as written, since spaces
    /// can be part of it; names, seeds and paths are trimmed.
    /// </summary>
    private static string? Text(IConfigurationSection section, string key, bool trim) =>
        section[key] is { } text && !string.IsNullOrWhiteSpace(text) ? (trim ? text.Trim() : text) : null;

    private static bool Boolean(IConfigurationSection section, string key, bool fallback, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        problems.Add(NatsErrors.NotBoolean(key, text));
        return fallback;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add(NatsErrors.NotTimeSpan(key, text, fallback));
        return fallback;
    }

    private static int Count(IConfigurationSection section, string key, int fallback, string unit, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        problems.Add(NatsErrors.NotPositiveNumber(key, text, fallback, unit));
        return fallback;
    }
}
