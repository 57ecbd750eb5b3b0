using System.Globalization;
using System.Reflection;
using System.Text;

namespace Sprig.Nats;

/// <summary>
/// Configures the NATS transport, bound from the configuration section <c>Sprig:Nats</c>
/// (environment variables: <c>Sprig__Nats__Url</c> and so on). Only <see cref="Url"/> is required; setting it turns the transport on.
/// At most one way to authenticate is set: <see cref="User"/> and <see cref="Password"/>, <see cref="Token"/>, <see cref="NKey"/>,
/// <see cref="NKeyFile"/>, <see cref="CredentialsFile"/>, or credentials in the URL. <see cref="object.ToString"/> shows no secret.
/// </summary>
/// <example>
/// <code>
/// {
///   "Sprig": { "Nats": { "Url": "nats://127.0.0.1:4222", "MaxConcurrency": 16, "RequestTimeout": "00:01:00" } }
/// }
/// </code>
/// Secrets come from the environment rather than from a file under version control:
/// <code>
/// Sprig__Nats__User=billing Sprig__Nats__Password="$(cat /run/secrets/nats-password)" dotnet Billing.dll
/// </code>
/// </example>
public sealed record NatsTransportOptions
{
    /// <summary>Names the configuration section the options are read from.</summary>
    public const string Section = "Sprig:Nats";

    /// <summary>Gets the NATS server's URL, e.g. <c>nats://127.0.0.1:4222</c> (several separated by commas). Required.</summary>
    public string Url { get; init; } = "";

    /// <summary>Gets whether this process serves its endpoints to other processes. Default <see langword="true"/>.</summary>
    public bool Serve { get; init; } = true;

    /// <summary>
    /// Gets the transport's own limit of a unary call (504 after it). Governance's <c>TimeoutMs</c> (5 seconds by default for calls to
    /// other processes) normally ends a call first; this is the bound when governance's timeout is off. Default 30 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many served calls this process runs at once; more wait in a queue, none is dropped. Default 64.</summary>
    public int MaxConcurrency { get; init; } = 64;

    /// <summary>
    /// Gets how often a serving process tells a caller that its call is still queued or running. A caller that hears nothing for
    /// three intervals takes the serving process as dead (502). Both sides must use the same value. Default 1 second.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long shutdown lets calls in flight finish before cancelling them. Default 10 seconds.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how many stream items a serving process may send ahead of the caller's acknowledgements. Default 256.</summary>
    public int StreamWindow { get; init; } = 256;

    /// <summary>Gets the connection's name as the NATS server shows it. Default: the entry assembly's name.</summary>
    public string Name { get; init; } = Assembly.GetEntryAssembly()?.GetName().Name ?? "sprig";

    /// <summary>Gets the NATS user to authenticate as, with <see cref="Password"/>. Default: none.</summary>
    public string? User { get; init; }

    /// <summary>Gets the password of <see cref="User"/>. A secret: never shown in messages, logs or <see cref="ToString"/>. Default: none.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the token to authenticate with (nats-server <c>--auth</c>). A secret. Default: none.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Gets the user's NKey seed (58 characters starting with <c>SU</c>) to sign the server's challenge with; the server's
    /// configuration names the matching public key (<c>U...</c>). A secret. Default: none.
    /// </summary>
    public string? NKey { get; init; }

    /// <summary>Gets the path of a file that holds the user's NKey seed (a line starting with <c>SU</c>). Default: none.</summary>
    public string? NKeyFile { get; init; }

    /// <summary>Gets the path of the user's credentials file (<c>.creds</c>: a user JWT and its NKey seed). Default: none.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Writes the options for <see cref="ToString"/>, with the URL's credentials and every secret replaced by "***".</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Url = {NatsConnector.Redact(Url)}, Serve = {Serve}, RequestTimeout = {RequestTimeout}, ")
            .Append(CultureInfo.InvariantCulture, $"MaxConcurrency = {MaxConcurrency}, HeartbeatInterval = {HeartbeatInterval}, DrainTimeout = {DrainTimeout}, ")
            .Append(CultureInfo.InvariantCulture, $"StreamWindow = {StreamWindow}, Name = {Name}, User = {User}, Password = {Hidden(Password)}, ")
            .Append(CultureInfo.InvariantCulture, $"Token = {Hidden(Token)}, NKey = {Hidden(NKey)}, NKeyFile = {NKeyFile}, CredentialsFile = {CredentialsFile}");
        return true;
    }

    private static string? Hidden(string? secret) => secret is null ? null : "***";
}
