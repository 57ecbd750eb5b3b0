using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;
using Sprig.Governance;

namespace Sprig.Refresh;

/// <summary>
/// Phase 4: checks the planned graph (unknown DependsOn names, cycles without a lazy link, singletons capturing Request
/// components) and the governance configuration, then throws every problem found since registration at once, each with the
/// path that leads to its component. Returns the graph for ordering and for paths in later failures.
/// </summary>
internal static class ValidationPhase
{
    public static DependencyGraph Run(Planned planned, IConfiguration configuration)
    {
        var problems = new Problems(planned.Problems);
        foreach (var problem in GovernanceConfiguration.Validate(configuration))
        {
            problems.Add(new ContainerException(problem));
        }

        var graph = new DependencyGraph(planned.Table);
        graph.FindUnknownDependsOn(problems);
        graph.FindCycles(problems);
        graph.FindScopeCaptures(problems);
        ApplicationContext.ThrowProblems(problems.Render(graph.PathTo), Errors.RefreshProblems);
        return graph;
    }
}
