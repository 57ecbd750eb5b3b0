using System.Reflection;

namespace Sprig.Nats;

/// <summary>
/// Configures the NATS transport, bound from the configuration section <c>Sprig:Nats</c>
/// (environment variables: <c>Sprig__Nats__Url</c> and so on). Only <see cref="Url"/> is required; setting it turns the transport on.
/// </summary>
/// <example>
/// <code>
/// {
///   "Sprig": { "Nats": { "Url": "nats://127.0.0.1:4222", "MaxConcurrency": 16, "RequestTimeout": "00:01:00" } }
/// }
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

    /// <summary>Gets the deadline of a unary call made through the transport. Default 30 seconds.</summary>
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
}
