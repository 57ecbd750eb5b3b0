using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Rule 7 — a contract with neither a local implementation nor a transport fails early, naming the contract and both fixes.
/// Sprig.Nats without Sprig:Nats:Url is no transport: nothing of it runs.
/// </summary>
public sealed class NoTransportTests
{
    private const string Contract = "IEchoWorker";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Refresh_FailsNamingTheContractAndBothFixes_WhenAnInjectedContractHasNoServerAndNoTransport(bool natsReferencedWithoutUrl)
    {
        var registry = new PendingRegistry().Register<EchoClient>();
        if (natsReferencedWithoutUrl)
        {
            registry.AddNats();
        }

        using var context = Unconfigured(registry);

        context.Invoking(c => c.Refresh()).Should().Throw<ContainerException>()
            .WithMessage(Support.Messages.ContractWithoutServer("EchoClient", "constructor parameter 'worker'", Contract, "test", "EchoWorker", "EchoClient"));
        context.State.Should().Be(ContextState.Failed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Get_FailsNamingTheContractAndBothFixes_WhenTheContractHasNoServerAndNoTransport(bool natsReferencedWithoutUrl)
    {
        var registry = new PendingRegistry();
        if (natsReferencedWithoutUrl)
        {
            registry.AddNats();
        }

        using var context = Unconfigured(registry);
        context.Refresh();

        context.Invoking(c => c.Get<IEchoWorker>()).Should().Throw<ContainerException>()
            .WithMessage(Support.Messages.ContractNotServedHere(Contract, "test", "EchoWorker"));
    }

    private static ApplicationContext Unconfigured(PendingRegistry registry) =>
        new(registry, new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
}
