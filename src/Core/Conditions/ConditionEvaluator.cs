using Microsoft.Extensions.Configuration;
using Sprig.Definitions;
using Sprig.Diagnostics;
using State = Sprig.Conditions.ComponentStates.State;

namespace Sprig.Conditions;

/// <summary>
/// Decides which components are in. First, conditions are evaluated to a fixed point: a condition that asks about an undecided
/// component waits for it, so every decision taken here is the same in any registration order. What is left depends on itself
/// (A on B, B on A); it is settled by starting from "all out" and re-evaluating all of it together until nothing changes. If it
/// never settles, the outcome would depend on evaluation order, and refresh fails naming the components involved.
/// A [Bean] follows its [Configuration] class (out when the class is out), and a provider's own instance follows its product.
/// </summary>
internal sealed class ConditionEvaluator(IConfiguration configuration, IReadOnlySet<string> activeProfiles)
{
    private readonly List<ContainerException> _problems = [];

    /// <summary>
    /// Decides which definitions are in. A condition that throws leaves its component out and is returned as a problem, for
    /// refresh to report together with every other one; conditions that contradict each other throw at once, since what is in
    /// would then depend on the order of evaluation and any later problem would be a guess.
    /// </summary>
    public (List<ComponentDefinition> Included, ConditionReport Report, IReadOnlyList<ContainerException> Problems) Evaluate(IReadOnlyList<ComponentDefinition> definitions)
    {
        if (!definitions.Any(d => d.Conditions.Count > 0))
        {
            // Nothing is conditional: everything is in, and the report has only unconditional components.
            return ([.. definitions], new ConditionReport([], definitions.Where(d => !d.IsInfrastructure).Select(d => d.Name)), []);
        }

        var states = new ComponentStates(definitions);
        var s = states.States;
        for (var i = 0; i < definitions.Count; i++)
        {
            s[i] = definitions[i].Conditions.Count == 0 && states.Owner(i) < 0 && !definitions[i].IsInfrastructure ? State.In : State.Undecided;
        }

        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < definitions.Count; i++)
            {
                if (s[i] == State.Undecided && TryDecide(definitions, states, i) is { } state)
                {
                    s[i] = state;
                    changed = true;
                }
            }
        }
        while (changed);

        if (!Settle(definitions, states))
        {
            ApplicationContext.ThrowProblems(_problems, Errors.RefreshProblems);
        }

        return (definitions.Where((_, i) => s[i] == State.In).ToList(), Report(definitions, states), _problems);
    }

    /// <summary>Decides one component from what is known; null while it depends on an undecided one.</summary>
    private State? TryDecide(IReadOnlyList<ComponentDefinition> definitions, ComponentStates states, int index)
    {
        var s = states.States;
        var definition = definitions[index];
        if (definition.IsInfrastructure)
        {
            var product = states.Product(index);
            return product < 0 ? State.In : s[product] == State.Undecided ? null : s[product];
        }

        var undecided = false;
        var owner = states.Owner(index);
        if (owner >= 0)
        {
            if (s[owner] == State.Out)
            {
                return State.Out;
            }

            undecided = s[owner] == State.Undecided;
        }

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
            catch (Exception ex)
            {
                _problems.Add(ex as ContainerException
                    ?? new ContainerException(Errors.ConditionFailed(definition.Name, condition.Description, ex), definition.Name, null, ex));
                return State.Out;
            }
        }

        return undecided ? null : State.In;
    }

    /// <summary>Settles what is left undecided; returns false when it never settles (a contradiction, recorded as a problem).</summary>
    private bool Settle(IReadOnlyList<ComponentDefinition> definitions, ComponentStates states)
    {
        var s = states.States;
        var stalled = Enumerable.Range(0, definitions.Count).Where(i => s[i] == State.Undecided).ToList();
        foreach (var i in stalled)
        {
            s[i] = State.Out;
        }

        // Re-evaluate the stalled components together (not one by one, which would make the result depend on order).
        var flipped = new List<int>();
        for (var round = 0; round <= (2 * stalled.Count) + 2; round++)
        {
            var next = stalled.Select(i => TryDecide(definitions, states, i) ?? State.Out).ToList();
            flipped = [.. stalled.Where((i, k) => next[k] != s[i])];
            if (flipped.Count == 0)
            {
                return true;
            }

            for (var k = 0; k < stalled.Count; k++)
            {
                s[stalled[k]] = next[k];
            }
        }

        var involved = flipped.Where(i => !definitions[i].IsInfrastructure).Select(i => definitions[i]).ToList();
        _problems.Add(new ContainerException(Errors.ConditionContradiction(involved), involved[0].Name, null));
        return false;
    }

    private ConditionReport Report(IReadOnlyList<ComponentDefinition> definitions, ComponentStates states)
    {
        var s = states.States;
        var report = new List<ComponentConditions>();
        var byName = new Dictionary<string, ComponentConditions>(StringComparer.Ordinal);
        var unconditional = new List<string>();
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var owner = states.Owner(i);
            var ownerIsConditional = owner >= 0 && (definitions[owner].Conditions.Count > 0 || states.Owner(owner) >= 0);
            if (definition.IsInfrastructure)
            {
                continue;
            }

            if (definition.Conditions.Count == 0 && !ownerIsConditional)
            {
                unconditional.Add(definition.Name);
                continue;
            }

            var results = new List<ConditionResult>();
            if (ownerIsConditional)
            {
                var ownerIn = s[owner] == State.In;
                var why = !ownerIn && byName.TryGetValue(definitions[owner].Name, out var ownerReport)
                    ? $" ({string.Join("; ", ownerReport.Conditions.Where(c => !c.Matched).Select(c => $"{c.Condition} {c.Message}"))})"
                    : "";
                results.Add(new($"[Bean] of '{definitions[owner].Name}'", ownerIn, ownerIn ? "which is in" : "which is out" + why));
            }

            results.AddRange(definition.Conditions.Select(c =>
            {
                try
                {
                    var outcome = c.Evaluate(Context(states, i));
                    return new ConditionResult(c.Description, outcome.Matches, outcome.Message);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Already a problem of refresh; the report says why the component is out.
                    return new ConditionResult(c.Description, false, Errors.ConditionThrewInReport(ex));
                }
            }));
            var conditions = new ComponentConditions(definition.Name, s[i] == State.In, results);
            report.Add(conditions);
            byName[definition.Name] = conditions;
        }

        return new ConditionReport(report, unconditional);
    }

    private ConditionContext Context(ComponentStates states, int index) => new(configuration, activeProfiles, states, index);
}
