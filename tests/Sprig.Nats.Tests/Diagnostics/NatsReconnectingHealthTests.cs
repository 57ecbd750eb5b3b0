using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.Diagnostics;

/// <summary>The "nats" check while the NATS server is down: the connection reconnects, the check is Degraded.</summary>
public sealed class NatsReconnectingHealthTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task HealthCheck_IsDegraded_WhileTheConnectionReconnects()
    {
        await using var client = await Contexts.ClientAsync(nats.Url);
        var transport = client.Get<NatsTransport>();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        transport.Connection.ConnectionDisconnected += (_, _) =>
        {
            disconnected.TrySetResult();
            return ValueTask.CompletedTask;
        };
        var options = new HealthCheckServiceOptions();
        client.Get<NatsHealthChecks>().Configure(options);
        var registration = options.Registrations.Single();

        await nats.KillAsync();
        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var result = await new NatsHealthCheck(transport).CheckHealthAsync(new HealthCheckContext { Registration = registration });

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().MatchRegex($@"^NATS {System.Text.RegularExpressions.Regex.Escape(nats.Url)}: the connection is (Reconnecting|Connecting)\.$");
    }
}
