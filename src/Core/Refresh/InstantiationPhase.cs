using Microsoft.Extensions.Configuration;
using Sprig.Configuration;

namespace Sprig.Refresh;

/// <summary>
/// Phase 6: creates the singletons in creation order (their [PostConstruct] hooks run as each is created). Service descriptors'
/// singletons are created on first use, as MS.DI does. A failure names the path from the outermost component that needs it.
/// </summary>
internal static class InstantiationPhase
{
    public static void Run(ComponentTable table, IReadOnlyList<ComponentEntry> order, DependencyGraph graph, IConfiguration configuration)
    {
        // While somebody traces, a creation that takes at least the threshold becomes a "sprig.create" activity.
        var threshold = Telemetry.SprigTelemetry.Source.HasListeners() ? CreationThreshold(configuration) : (TimeSpan?)null;
        foreach (var entry in order)
        {
            if (entry.Definition.Scope != Scope.Singleton || entry.IsCreated || entry.Definition.FromDescriptor)
            {
                continue;
            }

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
                // Dependencies are created first, so the failure's own path is short: show who needed the component.
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
}
