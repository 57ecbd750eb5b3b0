using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats;

/// <summary>
/// Adds the health check "nats" (tags "sprig", "nats") to ASP.NET Core's health checks whenever the NATS transport is in: the
/// state of its connection — Open is Healthy, Connecting and Reconnecting are Degraded, Closed is Unhealthy. It is a component
/// next to <see cref="NatsTransport"/>, so in an application whose container is the context (Sprig.Web's <c>UseSprig</c>)
/// <c>services.AddHealthChecks()</c> with <c>app.MapHealthChecks("/healthz")</c> reports it, and so does Sprig.Web's
/// <c>GET /sprig/health</c> (with or without <c>AddHealthChecks()</c>).
/// </summary>
/// <example>
/// <code>
/// builder.UseSprig();                              // Sprig:Nats:Url is set: the transport and this check are in
/// builder.Services.AddHealthChecks();
/// var app = builder.Build();
/// app.MapHealthChecks("/healthz");                 // Unhealthy while the NATS connection is closed
/// </code>
/// </example>
[Component("SprigNatsHealthChecks")]
[ConditionalOnNatsUrl]
public sealed class NatsHealthChecks : IConfigureOptions<HealthCheckServiceOptions>
{
    /// <summary>The name of the check.</summary>
    public const string Name = "nats";

    private readonly NatsTransport _transport;

    /// <summary>Initializes the registration for the context's transport.</summary>
    /// <param name="transport">The context's NATS transport.</param>
    public NatsHealthChecks(NatsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <summary>Adds the "nats" registration, unless the application registered a check of that name itself.</summary>
    /// <param name="options">The health check options.</param>
    public void Configure(HealthCheckServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Registrations.All(r => r.Name != Name))
        {
            options.Registrations.Add(new HealthCheckRegistration(Name, new NatsHealthCheck(_transport), HealthStatus.Unhealthy, ["sprig", "nats"]));
        }
    }
}
