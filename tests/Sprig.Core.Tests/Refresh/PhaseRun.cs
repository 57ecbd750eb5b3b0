using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Planning;
using Sprig.Refresh;
using Sprig.Resolution;

namespace Sprig.Tests.Refresh;

/// <summary>
/// Runs the refresh phases one at a time over a private registry, so that a test can feed the phase it checks with what the
/// earlier phases returned. The context is never refreshed: planning only needs it for its built-in services.
/// </summary>
internal sealed class PhaseRun : IDisposable
{
    public PhaseRun(PendingRegistry registry, IDictionary<string, string?>? configuration = null)
    {
        Registry = registry;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        Context = new ApplicationContext(registry, Configuration, NullLoggerFactory.Instance);
        Services = new PlanServices(Configuration, NullLoggerFactory.Instance, Context);
    }

    public PendingRegistry Registry { get; }

    public IConfiguration Configuration { get; }

    public ApplicationContext Context { get; }

    public PlanServices Services { get; }

    /// <summary>Runs registration and conditions.</summary>
    public Conditioned Conditioned() => ConditionPhase.Run(RegistrationPhase.Run(Registry), Configuration, NullLogger.Instance);

    /// <summary>Runs registration, conditions and planning.</summary>
    public Planned Planned() => Plan(Conditioned());

    public Planned Plan(Conditioned conditioned) => PlanningPhase.Run(conditioned, Services, Context.RemoteProxies, Context.KeyedProxies);

    /// <summary>Runs every phase up to validation; throws what validation throws.</summary>
    public (Planned Planned, DependencyGraph Graph) Validated()
    {
        var planned = Planned();
        return (planned, ValidationPhase.Run(planned, Configuration));
    }

    /// <summary>Runs every phase up to ordering, as <c>RefreshPipeline.Prepare</c> does.</summary>
    public (ComponentTable Table, DependencyGraph Graph, IReadOnlyList<ComponentEntry> Order) Ordered()
    {
        var (planned, graph) = Validated();
        return (planned.Table, graph, OrderingPhase.Run(graph));
    }

    public void Dispose() => Context.Dispose();
}
