using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Conditions;
using Sprig.Configuration;
using Sprig.Diagnostics;

namespace Sprig.Refresh;

/// <summary>
/// The refresh phases in order: build the tables, plan every component, check the graph (all problems at once),
/// create singletons in dependency order, run [OnStart] hooks.
/// </summary>
internal sealed class RefreshPipeline(ApplicationContext context, IConfiguration configuration, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Sprig.ApplicationContext");

    /// <summary>Validates the registry's definitions and returns the tables with the creation order. Throws with every problem found.</summary>
    public (ComponentTable Table, List<ComponentEntry> Order) Plan(PendingRegistry registry)
    {
        var (definitions, registrationProblems, openGenerics) = registry.Freeze();
        var (included, report) = new ConditionEvaluator(configuration, ActiveProfiles(configuration)).Evaluate(definitions);
        context.ConditionReportCore = report;
        LogReport(report);
        var (remotes, contractProblems) = ContractDiscovery.Discover(included, configuration, context.RemoteProxies, context.KeyedProxies);
        var table = new ComponentTable([.. included, .. remotes], [.. definitions.Except(included)], report, openGenerics) { Context = context };
        var problems = new Problems();
        foreach (var problem in contractProblems)
        {
            problems.Add(problem);
        }

        foreach (var problem in registrationProblems)
        {
            problems.Add(problem);
        }

        foreach (var (first, second) in table.Duplicates.Where(d => !d.First.Definition.IsInfrastructure && !d.Second.Definition.IsInfrastructure))
        {
            problems.Add(new ContainerException(Errors.DuplicateName(first.Name, first.Definition, second.Definition), second.Name, null));
        }

        table.PlanDynamic = entry => PlanBuilder.BuildDynamic(entry, table, configuration, loggers, context);
        var planner = new PlanBuilder(table, configuration, loggers, context, problems);
        foreach (var entry in table.Entries)
        {
            planner.Build(entry);
        }

        context.EndpointsCore = Endpoints.EndpointCatalog.Build(context, table, problems);
        foreach (var problem in Governance.GovernanceConfiguration.Validate(configuration))
        {
            problems.Add(new ContainerException(problem));
        }

        table.RootScope = new RequestScope(context, table.RequestSlotCount, table.Singletons) { IsRoot = true };

        var graph = new DependencyGraph(table, problems);
        graph.FindCycles(problems);
        graph.FindScopeCaptures(problems);
        ApplicationContext.ThrowProblems(problems.Render(graph.PathTo), Errors.RefreshProblems);
        return (table, graph.CreationOrder());
    }

    /// <summary>Reads the active profiles: configuration key <c>profiles:active</c> (or <c>profiles.active</c>), comma-separated.</summary>
    public static IReadOnlySet<string> ActiveProfiles(IConfiguration configuration) =>
        Profiles.Of(configuration).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private void LogReport(ConditionReport report)
    {
        if (_logger.IsEnabled(LogLevel.Debug) && report.Components.Count > 0)
        {
            _logger.LogDebug("Condition evaluation report:{NewLine}{Report}", Environment.NewLine, report.ToString());
        }
    }

    public void CreateSingletons(ComponentTable table, List<ComponentEntry> order)
    {
        var graph = (DependencyGraph?)null;
        // While somebody traces, a creation that takes at least the threshold becomes a "sprig.create" activity.
        var threshold = Telemetry.SprigTelemetry.Source.HasListeners() ? CreationThreshold(configuration) : (TimeSpan?)null;
        foreach (var entry in order)
        {
            // Service descriptors' singletons are created on first use, as Microsoft.Extensions.DependencyInjection does.
            if (entry.Definition.Scope != Scope.Singleton || entry.IsCreated || entry.Definition.FromDescriptor)
            {
                continue;
            }

            table.Logger = _logger;
            try
            {
                var started = threshold is null ? default : DateTimeOffset.UtcNow;
                entry.GetOrCreateSingleton();
                if (threshold is { } bound && DateTimeOffset.UtcNow - started >= bound)
                {
                    Telemetry.SprigTelemetry.Created(entry.Name, started, DateTimeOffset.UtcNow);
                }
            }
            catch (ComponentCreationException ex) when (ex.Path.Count > 0 && table.ByName.TryGetValue(ex.Path[0], out var outermost))
            {
                // Refresh creates dependencies first, so the failure's own path is short: show who needed the component.
                graph ??= new DependencyGraph(table, new Problems());
                var above = graph.PathTo(outermost);
                throw ex.WithPath([.. above.Take(above.Count - 1), .. ex.Path]);
            }
        }
    }

    /// <summary>Reads <c>Sprig:Telemetry:CreationThreshold</c> (default 1 ms): how long a creation takes before it is traced.</summary>
    private static TimeSpan CreationThreshold(IConfiguration configuration) =>
        TimeSpan.TryParse(ConfigurationKeys.Get(configuration, "Sprig:Telemetry:CreationThreshold"), System.Globalization.CultureInfo.InvariantCulture, out var threshold)
            ? threshold
            : TimeSpan.FromMilliseconds(1);

    /// <summary>Drops what created singletons needed only to be built, so that a running context retains less per component.</summary>
    public static void ReleasePlans(ComponentTable table)
    {
        foreach (var entry in table.Entries)
        {
            if (entry.IsCreated && entry.Definition.Scope == Scope.Singleton)
            {
                entry.Plan = entry.Plan.Slim();
            }
        }
    }

    public static async Task StartAsync(List<ComponentEntry> order, CancellationToken cancellationToken)
    {
        foreach (var entry in order)
        {
            foreach (var method in entry.Plan.OnStart)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    object?[]? arguments = method.GetParameters().Length == 1 ? [cancellationToken] : null;
                    var task = (Task)method.Invoke(entry.Resolve(null), System.Reflection.BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
                    await task.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not ContainerException and not OperationCanceledException)
                {
                    throw new ComponentCreationException(Errors.StartFailed(entry.Name, method, ex), entry.Name, [entry.Name], ex);
                }
            }
        }
    }

    public void LogRefreshed(ComponentTable table, Stopwatch stopwatch)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        _logger.LogInformation("Sprig context refreshed in {Elapsed} ms: components={Count}, singletons created={Singletons}",
            stopwatch.ElapsedMilliseconds, table.Entries.Count(e => !e.Definition.IsInfrastructure), table.Singletons.CreatedCount);
    }
}
