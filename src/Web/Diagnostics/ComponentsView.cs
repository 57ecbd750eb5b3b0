using Microsoft.Extensions.Configuration;
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

    /// <summary>The condition report; what a condition quotes is masked as /config masks values (a custom condition may quote a secret).</summary>
    public static IReadOnlyList<ConditionsJson> Conditions(ApplicationContext context, IConfiguration configuration)
    {
        var secrets = SecretMask.Secrets(configuration);
        return [.. context.ConditionReport.Components.Select(c => new ConditionsJson(
            c.Component, c.Included, SecretMask.InText(c.Text, secrets)!,
            [.. c.Conditions.Select(r => new ConditionJson(r.Condition, r.Matched, SecretMask.InText(r.Message, secrets)!))]))];
    }
}
