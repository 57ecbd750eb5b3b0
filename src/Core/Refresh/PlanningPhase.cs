using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Endpoints;
using Sprig.Planning;
using Sprig.Remoting;

namespace Sprig.Refresh;

/// <summary>
/// Phase 3: adds the remote proxies of contracts no local component implements, builds the lookup tables, plans every component
/// and collects the endpoints. Problems are collected, not thrown: validation reports them all, with paths.
/// </summary>
internal static class PlanningPhase
{
    public static Planned Run(Conditioned conditioned, PlanServices services, RemoteProxies remoteProxies, RemoteProxies keyedProxies)
    {
        var problems = new Problems();
        foreach (var problem in conditioned.Registration.Problems.Concat(conditioned.Problems))
        {
            problems.Add(problem);
        }

        var (remotes, contractProblems) = ContractDiscovery.Discover(conditioned.Included, services.Configuration, remoteProxies, keyedProxies);
        foreach (var problem in contractProblems)
        {
            problems.Add(problem);
        }

        IReadOnlyList<ComponentDefinition> definitions = remotes.Count == 0 ? conditioned.Included : [.. conditioned.Included, .. remotes];
        var table = new ComponentTable(definitions, services, conditioned.Excluded, conditioned.Report, conditioned.Registration.OpenGenerics);
        foreach (var (first, second) in table.Duplicates)
        {
            if (!first.Definition.IsInfrastructure && !second.Definition.IsInfrastructure)
            {
                problems.Add(new ContainerException(Errors.DuplicateName(first.Name, first.Definition, second.Definition), second.Name, null));
            }
        }

        foreach (var entry in table.Entries)
        {
            entry.Plan = table.Planner.Plan(entry, problems);
        }

        var endpoints = EndpointCatalog.Build(services.Context, table, problems);
        return new Planned(table, conditioned.Report, endpoints, problems);
    }
}

/// <summary>Every component planned, the endpoint catalog, and the problems found so far.</summary>
internal sealed record Planned(ComponentTable Table, ConditionReport Report, EndpointCatalog Endpoints, Problems Problems);
