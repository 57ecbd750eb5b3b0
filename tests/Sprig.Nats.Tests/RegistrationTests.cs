using Microsoft.Extensions.Configuration;

namespace Sprig.Nats.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddNats_RegistersTheTransportAndItsHealthCheckOnce_WhenCalledTwice()
    {
        var registry = new PendingRegistry().AddNats().AddNats();

        registry.Count.Should().Be(2, "the transport and its health check registration");
    }

    [Fact]
    public async Task Refresh_LeavesTheTransportOut_WithoutTheUrl()
    {
        await using var context = new ApplicationContext(new PendingRegistry().AddNats(), new ConfigurationBuilder().Build());
        await context.RefreshAsync();

        context.Contains("SprigNatsTransport").Should().BeFalse();
        context.Contains("SprigNatsHealthChecks").Should().BeFalse();
        context.ConditionReport.Explain("SprigNatsTransport").Should().Contain(
            "did not find the property; set it (e.g. nats://127.0.0.1:4222) to call and serve endpoints over NATS");
    }

    [Fact]
    public async Task Refresh_Fails_NamingTheBadSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sprig:Nats:Url"] = "nats://127.0.0.1:4222",
            ["Sprig:Nats:MaxConcurrency"] = "0",
        }).Build();
        await using var context = new ApplicationContext(new PendingRegistry().AddNats(), configuration);

        var act = () => context.RefreshAsync();

        var thrown = await act.Should().ThrowAsync<ContainerException>();
        thrown.Which.Message.Should().Be(
            "The NATS transport's configuration (section Sprig:Nats) is invalid:\n"
            + "  - Sprig:Nats:MaxConcurrency is '0', but it must be a whole number of calls greater than 0. Set it to e.g. 64, or remove it to use the default.");
    }

    [Fact]
    public async Task Refresh_Fails_NamingTheUrlAndHowToStartNats_WhenTheServerIsUnreachable()
    {
        var port = FreePort();
        var url = $"nats://127.0.0.1:{port}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sprig:Nats:Url"] = url }).Build();
        await using var context = new ApplicationContext(new PendingRegistry().AddNats(), configuration);

        var act = () => context.RefreshAsync();

        var thrown = await act.Should().ThrowAsync<ContainerException>();
        thrown.Which.Message.Should().StartWith($"The NATS transport could not connect to the NATS server at '{url}' (Sprig:Nats:Url): ")
            .And.EndWith("Start one with 'nats-server -a 127.0.0.1 -p 4222' (Debian/Ubuntu: apt-get install nats-server), "
                + "or point Sprig:Nats:Url at a running server. To run without NATS, remove Sprig:Nats:Url.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
