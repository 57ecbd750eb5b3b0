using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats;

/// <summary>Creates the transport's one NATS connection and opens it, turning an unreachable server into a clear error.</summary>
internal static class NatsConnector
{
    public static NatsConnection Create(NatsTransportOptions options, ILoggerFactory loggers) => new(new NatsOpts
    {
        Url = options.Url,
        Name = options.Name,
        LoggerFactory = loggers,

        // A subscription that cannot keep up waits instead of dropping messages: a dropped frame is a lost call.
        SubPendingChannelFullMode = BoundedChannelFullMode.Wait,

        // Come back quickly after a server restart; NATS.Net re-subscribes every subscription by itself.
        ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
        ReconnectWaitMax = TimeSpan.FromSeconds(2),
        RequestTimeout = options.RequestTimeout,
    });

    /// <exception cref="ContainerException">The server does not answer at the URL.</exception>
    public static async Task ConnectAsync(NatsConnection connection, string url, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException ex)
        {
            throw new ContainerException(NatsErrors.Unreachable(url, ex), ex);
        }
    }

    /// <summary>Returns the server URLs with any user, password or token replaced by "***", for messages and logs.</summary>
    public static string Redact(string urls) =>
        string.Join(',', urls.Split(',').Select(url =>
            Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
                ? url.Trim().Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
                : url.Trim()));
}
