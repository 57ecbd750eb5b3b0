using Sprig.Web.Diagnostics.Json;

namespace Sprig.Web.Diagnostics;

/// <summary>Turns a context's diagnostics data (<see cref="ApplicationContext.Components"/>, its condition report, its start-up steps) into the routes' JSON.</summary>
internal static class ComponentsView
{
    public static IReadOnlyList<ComponentJson> Components(ApplicationContext context) =>
        [.. context.Components.Select(c => new ComponentJson(
            c.Name, TypeNames.Readable(c.Type), c.Scope.ToString(), c.Namespace, c.Origin, c.State,
            [.. c.Dependencies.Select(d => new DependencyJson(d.Component, d.Kind))]))];

    public static IReadOnlyList<StartupStepJson> StartupSteps(ApplicationContext context) =>
        [.. context.StartupSteps.Select(s => new StartupStepJson(s.Name, s.Phase, s.Start.TotalMilliseconds, s.Duration.TotalMilliseconds))];

    public static IReadOnlyList<ConditionsJson> Conditions(ApplicationContext context) =>
        [.. context.ConditionReport.Components.Select(c => new ConditionsJson(
            c.Component, c.Included, c.Text, [.. c.Conditions.Select(r => new ConditionJson(r.Condition, r.Matched, r.Message))]))];
}
