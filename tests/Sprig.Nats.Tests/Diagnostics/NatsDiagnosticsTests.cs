using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;
using Sprig.Hosting;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.Diagnostics;

/// <summary>
/// What Sprig.Nats tells diagnostics: the subjects it serves (<see cref="IServedEndpoints"/>, for Sprig.Web's /mappings) and the
/// "nats" health check of its connection, registered with ASP.NET Core's health checks.
/// </summary>
public sealed class NatsDiagnosticsTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task ServedEndpoints_ListTheSubjectOfEveryEndpoint_WhileServing()
    {
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe());

        var served = server.GetAll<IServedEndpoints>().Should().ContainSingle().Subject;

        served.Protocol.Should().Be("nats");
        served.ServedEndpoints.Should().Equal(server.Endpoints.Select(e => new ServedEndpoint($"sprig.nt.calc.{e.Name.ToLowerInvariant()}", e.Address)));
        served.ServedEndpoints.Select(s => s.Endpoint).Should().Contain(["nt/Calc/Add", "nt/Calc/Count"]);
        await server.ShutdownAsync();
        served.ServedEndpoints.Should().BeEmpty("the context stopped serving");
    }

    [Fact]
    public async Task ServedEndpoints_IsEmpty_WhenTheProcessOnlyCalls()
    {
        await using var client = await Contexts.ClientAsync(nats.Url);

        client.GetAll<IServedEndpoints>().Should().ContainSingle().Which.ServedEndpoints.Should().BeEmpty();
    }

    [Fact]
    public async Task HealthCheckService_ReportsTheNatsConnection_WhenTheApplicationAddsHealthChecks()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks();
        var registry = new PendingRegistry().Register<Calculator>().RegisterInstance("probe", new Probe()).AddNats().RegisterServices(services);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Sprig:Nats:Url", nats.Url), new("environment", "Production")]).Build();
        await using var context = new ApplicationContext(registry, configuration);
        await context.RefreshAsync();

        var report = await context.Get<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries.Should().ContainKey("nats").WhoseValue;
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().Be($"NATS {nats.Url}: the connection is Open.");
        entry.Tags.Should().Equal("sprig", "nats");
    }

    [Fact]
    public async Task HealthCheck_IsUnhealthy_WhenTheConnectionIsClosed()
    {
        // A transport that has not connected (its context has not started) has a closed connection.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Sprig:Nats:Url", nats.Url)]).Build();
        await using var transport = new NatsTransport(configuration, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var options = new HealthCheckServiceOptions();
        new NatsHealthChecks(transport).Configure(options);
        var registration = options.Registrations.Should().ContainSingle().Subject;

        var result = await registration.Factory(new ServiceCollection().BuildServiceProvider()).CheckHealthAsync(new HealthCheckContext { Registration = registration });

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Be($"NATS {nats.Url}: the connection is Closed.");
    }
}
