using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Planning;
using Sprig.Remoting;

namespace Sprig.Refresh;

/// <summary>
/// The refresh phases, one per file, in order (each timed as a <see cref="ApplicationContext.StartupSteps"/> step named after it): <see cref="RegistrationPhase"/>, <see cref="ConditionPhase"/>,
/// <see cref="PlanningPhase"/>, <see cref="ValidationPhase"/>, <see cref="OrderingPhase"/> (together <see cref="Prepare"/>), then
/// <see cref="InstantiationPhase"/> and <see cref="StartPhase"/>. Each takes what the previous ones returned and returns its own
/// result; nothing writes back into an earlier result or into the context. The context adopts the prepared result once, before
/// instantiation, because components may use the context while they are created.
/// </summary>
internal sealed class RefreshPipeline(PlanServices services, RemoteProxies remoteProxies, RemoteProxies keyedProxies)
{
    private readonly ILogger _logger = services.Loggers.CreateLogger("Sprig.ApplicationContext");

    // Keeps the per-type metadata cache alive for as long as this refresh runs (TypeScan holds it weakly otherwise).
    private readonly object _scans = TypeScan.Hold();

    /// <summary>Gets the condition report once conditions are evaluated (also when a later phase fails), else null.</summary>
    public ConditionReport? Report { get; private set; }

    /// <summary>Runs the phases up to the creation order; throws with every problem found.</summary>
    public Prepared Prepare(PendingRegistry registry)
    {
        var startup = services.Context.Startup;
        Registration registration;
        using (startup.Measure("registration"))
        {
            registration = RegistrationPhase.Run(registry);
        }

        Conditioned conditioned;
        using (startup.Measure("conditions"))
        {
            conditioned = ConditionPhase.Run(registration, services.Configuration, _logger);
        }

        Report = conditioned.Report;
        Planned planned;
        using (startup.Measure("planning"))
        {
            planned = PlanningPhase.Run(conditioned, services, remoteProxies, keyedProxies);
        }

        DependencyGraph graph;
        using (startup.Measure("validation"))
        {
            graph = ValidationPhase.Run(planned, services.Configuration);
        }

        IReadOnlyList<ComponentEntry> order;
        using (startup.Measure("ordering"))
        {
            order = OrderingPhase.Run(graph);
        }

        return new Prepared(planned.Table, planned.Report, planned.Endpoints, order, graph);
    }

    /// <summary>Creates the singletons in order.</summary>
    public void Instantiate(Prepared prepared)
    {
        var startup = services.Context.Startup;

        // About one "create" step per component, and a few hooks: the steps' array grows once.
        startup.Reserve(prepared.Table.Entries.Length + 8);
        using (startup.Measure("instantiation"))
        {
            InstantiationPhase.Run(prepared.Table, prepared.Order, prepared.Graph, services.Configuration);
        }
    }

    public void LogRefreshed(ComponentTable table, long elapsedMilliseconds)
    {
        GC.KeepAlive(_scans);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Sprig context refreshed in {Elapsed} ms: components={Count}, singletons created={Singletons}",
                elapsedMilliseconds, table.Entries.Count(e => !e.Definition.IsInfrastructure), table.Lifetime.Singletons.CreatedCount);
        }
    }
}

/// <summary>What the context adopts before creating anything: the lookup tables, why each component is in, the endpoints, the order.</summary>
internal sealed record Prepared(
    ComponentTable Table, ConditionReport Report, Endpoints.EndpointCatalog Endpoints, IReadOnlyList<ComponentEntry> Order, DependencyGraph Graph);
