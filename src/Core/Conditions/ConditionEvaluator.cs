using Microsoft.Extensions.Configuration;
using Sprig.Definitions;
using Sprig.Diagnostics;
using State = Sprig.Conditions.ComponentStates.State;

namespace Sprig.Conditions;

/// <summary>
/// Decides which components are in. Conditions are evaluated to a fixed point: a condition that asks about an undecided
/// component waits for it. When nothing more can be decided, every undecided component is assumed out; if that assumption
/// is consistent (none would come in) it holds, otherwise the outcome depends on evaluation order and refresh fails.
/// </summary>
internal sealed class ConditionEvaluator(IConfiguration configuration, IReadOnlySet<string> activeProfiles)
{
    public (List<ComponentDefinition> Included, ConditionReport Report) Evaluate(IReadOnlyList<ComponentDefinition> definitions)
    {
        var states = new ComponentStates(definitions);
        var s = states.States;
        var products = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            s[i] = definitions[i].Conditions.Count == 0 && !definitions[i].IsInfrastructure ? State.In : State.Undecided;
            if (definitions[i].FactoryOwner is { } owner && owner.StartsWith('&'))
            {
                products[owner] = i;
            }
        }

        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < definitions.Count; i++)
            {
                if (s[i] != State.Undecided)
                {
                    continue;
                }

                var decided = definitions[i].IsInfrastructure ? Follow(products, definitions[i], s) : TryDecide(definitions[i], states, i);
                if (decided is { } state)
                {
                    s[i] = state;
                    changed = true;
                }
            }
        }
        while (changed);

        ResolveStall(definitions, states);

        var report = new List<ComponentConditions>();
        for (var i = 0; i < definitions.Count; i++)
        {
            if (definitions[i].Conditions.Count > 0 && !definitions[i].IsInfrastructure)
            {
                var results = definitions[i].Conditions
                    .Select(c => (Condition: c, Outcome: c.Evaluate(Context(states, i))))
                    .Select(x => new ConditionResult(x.Condition.Description, x.Outcome.Matches, x.Outcome.Message))
                    .ToList();
                report.Add(new ComponentConditions(definitions[i].Name, s[i] == State.In, results));
            }
        }

        var included = definitions.Where((_, i) => s[i] == State.In).ToList();
        var unconditional = definitions.Where(d => d.Conditions.Count == 0 && !d.IsInfrastructure).Select(d => d.Name);
        return (included, new ConditionReport(report, unconditional));
    }

    private static State? Follow(Dictionary<string, int> products, ComponentDefinition infrastructure, State[] s) =>
        products.TryGetValue(infrastructure.Name, out var product) && s[product] != State.Undecided ? s[product] : null;

    private State? TryDecide(ComponentDefinition definition, ComponentStates states, int index)
    {
        var undecided = false;
        foreach (var condition in definition.Conditions)
        {
            try
            {
                if (!condition.Evaluate(Context(states, index)).Matches)
                {
                    return State.Out;
                }
            }
            catch (ConditionUndecidedException)
            {
                undecided = true;
            }
        }

        return undecided ? null : State.In;
    }

    private void ResolveStall(IReadOnlyList<ComponentDefinition> definitions, ComponentStates states)
    {
        var s = states.States;
        var stalled = Enumerable.Range(0, definitions.Count).Where(i => s[i] == State.Undecided).ToList();
        if (stalled.Count == 0)
        {
            return;
        }

        foreach (var i in stalled)
        {
            s[i] = State.Out;
        }

        // Assuming every stalled component out must be self-consistent: none of them may then pass all its conditions.
        var contradicting = stalled.Where(i => !definitions[i].IsInfrastructure && TryDecide(definitions[i], states, i) == State.In).ToList();
        if (contradicting.Count > 0)
        {
            var involved = stalled.Where(i => !definitions[i].IsInfrastructure).Select(i => definitions[i]).ToList();
            throw new ContainerException(Errors.ConditionContradiction(involved), involved[0].Name, null);
        }
    }

    private ConditionContext Context(ComponentStates states, int index) => new(configuration, activeProfiles, states, index);
}
