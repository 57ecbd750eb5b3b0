using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace Sprig.Nats.Diagnostics;

/// <summary>
/// The "nats" health check: the transport's connection. Open is Healthy; Connecting and Reconnecting are Degraded (NATS.Net
/// reconnects by itself and calls wait for it); Closed is Unhealthy.
/// </summary>
internal sealed class NatsHealthCheck(NatsTransport transport) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = transport.ConnectionState;
        var description = $"{transport.Name}: the connection is {state}.";
        return Task.FromResult(state switch
        {
            NatsConnectionState.Open => HealthCheckResult.Healthy(description),
            NatsConnectionState.Connecting or NatsConnectionState.Reconnecting => HealthCheckResult.Degraded(description),
            _ => new HealthCheckResult(context.Registration.FailureStatus, description),
        });
    }
}
