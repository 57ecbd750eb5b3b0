using System.Reflection;
using Sprig.Diagnostics;

namespace Sprig.Refresh;

/// <summary>
/// Phase 7: runs the [OnStart] hooks in creation order (the context then starts its endpoint servers), and afterwards drops
/// what created singletons needed only to be built, so that a running context retains less per component.
/// </summary>
internal static class StartPhase
{
    /// <summary>Runs the hooks; a failure names the path from the outermost component that needs the one whose hook threw.</summary>
    public static async Task RunAsync(IReadOnlyList<ComponentEntry> order, DependencyGraph graph, CancellationToken cancellationToken)
    {
        foreach (var entry in order)
        {
            var plan = entry.Plan;
            if (plan.OnStart.Count == 0)
            {
                continue;
            }

            // While refresh runs, one "on-start" step per component, over all of its [OnStart] methods (also when one throws).
            var startup = entry.Lifetime.Startup;
            using var step = startup is null ? default : new StartupStepScope(startup, startup.Begin(entry.Name, StartupRecorder.OnStart));
            for (var i = 0; i < plan.OnStart.Count; i++)
            {
                var method = plan.OnStart[i];
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    object?[]? arguments = method.GetParameters().Length == 1 ? [cancellationToken] : null;
                    var task = (Task)Resolution.MethodCalls.Invoke(method, Definitions.GeneratedHookCalls.At(plan.HookCalls.OnStart, i), entry.Resolve(null), arguments)!;
                    await task.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not ContainerException and not OperationCanceledException)
                {
                    var path = graph.PathTo(entry);
                    throw new ComponentCreationException(Errors.StartFailed(entry.Name, method, ex, path), entry.Name, path, ex);
                }
            }
        }
    }

    /// <summary>Keeps of each created singleton's plan only its [PreDestroy] methods, and ends refresh's creation mode.</summary>
    public static void Finish(ComponentTable table)
    {
        foreach (var entry in table.Entries)
        {
            if (entry.IsCreated && entry.Definition.Scope == Scope.Singleton)
            {
                entry.Plan = entry.Plan.Slim();
            }
        }

        table.Lifetime.Refreshed();
    }
}
