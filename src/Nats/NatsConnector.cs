using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Configuration;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats;

/// <summary>
/// Creates the transport's one NATS connection and opens it, turning an unreachable server or refused credentials into a clear
/// error. Messages and logs show the URLs with their credentials replaced by "***".
/// </summary>
internal static class NatsConnector
{
    /// <summary>Creates the connection; the permission violations the server reports on it go to <paramref name="violations"/>.</summary>
    /// <exception cref="ContainerException">An authentication setting is wrong, or a file it names is unreadable.</exception>
    public static NatsConnection Create(NatsTransportOptions options, ILoggerFactory loggers, PermissionViolations violations)
    {
        var connection = new NatsConnection(Options(options, new ServerErrorLogTap(loggers, violations)));
        connection.ServerError += (_, e) =>
        {
            violations.Report(e.Error);
            return ValueTask.CompletedTask;
        };
        return connection;
    }

    private static NatsOpts Options(NatsTransportOptions options, ILoggerFactory loggers) => new()
    {
        Url = options.Url,
        Name = options.Name,
        LoggerFactory = loggers,
        AuthOpts = NatsAuthentication.Create(options),

        // A subscription that cannot keep up waits instead of dropping messages: a dropped frame is a lost call.
        SubPendingChannelFullMode = BoundedChannelFullMode.Wait,

        // Come back quickly after a server restart; NATS.Net re-subscribes every subscription by itself. The first connection is
        // not retried (RetryOnInitialConnect stays off), so refused credentials fail the refresh at once; after a reconnect the
        // same authentication error twice stops the retries (IgnoreAuthErrorAbort stays off).
        ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
        ReconnectWaitMax = TimeSpan.FromSeconds(2),
        RequestTimeout = options.RequestTimeout,
    };

    /// <exception cref="ContainerException">The server does not answer at the URL, or refuses this process's credentials.</exception>
    public static async Task ConnectAsync(NatsConnection connection, NatsTransportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException ex) when (AuthenticationError(ex) is { } refused)
        {
            throw new ContainerException(
                NatsErrors.AuthenticationRefused(Redact(options.Url), NatsAuthentication.SentWith(options), ServerText(refused)), ex);
        }
        catch (NatsException ex)
        {
            throw new ContainerException(NatsErrors.Unreachable(Redact(options.Url), Scrub(ex.Message, options.Url)), ex);
        }
    }

    /// <summary>Returns the server URLs with any user, password or token replaced by "***", for messages and logs.</summary>
    public static string Redact(string urls) => string.Join(',', urls.Split(',').Select(url => RedactOne(url.Trim())));

    /// <summary>
    /// Replaces the credentials of the URLs in a text from NATS.Net with "***". NATS.Net hides passwords and tokens itself but
    /// shows the user ("nats://alice:***@host"); Sprig's messages show neither.
    /// </summary>
    public static string Scrub(string text, string urls)
    {
        foreach (var url in urls.Split(',', StringSplitOptions.TrimEntries))
        {
            if (UserInfo(url) is { Length: > 0 } userInfo)
            {
                text = text.Replace(userInfo + "@", "***@", StringComparison.Ordinal);
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    text = text.Replace(string.Concat(userInfo.AsSpan(0, colon), ":***@"), "***@", StringComparison.Ordinal);
                }
            }
        }

        return text;
    }

    private static string RedactOne(string url) =>
        UserInfo(url) is { Length: > 0 } userInfo ? url.Replace(userInfo + "@", "***@", StringComparison.Ordinal) : url;

    /// <summary>
    /// Returns what stands between "scheme://" and the last '@' of a URL: user, password or token. Found by position, not by
    /// <see cref="Uri"/>, so that a URL too malformed to parse still has its password hidden.
    /// </summary>
    private static string? UserInfo(string url)
    {
        var at = url.LastIndexOf('@');
        if (at < 0)
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return url[start..at];
    }

    /// <summary>Finds the server's authentication error ("Authorization Violation") among the causes of a failed connect.</summary>
    private static NatsServerException? AuthenticationError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is NatsServerException { IsAuthError: true } refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>Returns the server's own words ("Authorization Violation"), without NATS.Net's "Server error: " prefix.</summary>
    private static string ServerText(NatsServerException refused)
    {
        const string Prefix = "Server error: ";
        return refused.Message.StartsWith(Prefix, StringComparison.Ordinal) ? refused.Message[Prefix.Length..].Trim().Trim('\'') : refused.Error;
    }
}
