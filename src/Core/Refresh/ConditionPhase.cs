using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Conditions;
using Sprig.Configuration;
using Sprig.Definitions;

namespace Sprig.Refresh;

/// <summary>
/// Phase 2: evaluates every condition against the configuration and the active profiles. A condition that throws leaves its
/// component out and becomes a problem reported with all others; conditions that contradict each other throw at once.
/// </summary>
internal static class ConditionPhase
{
    public static Conditioned Run(Registration registration, IConfiguration configuration, ILogger logger)
    {
        var (included, report, problems) = new ConditionEvaluator(configuration, Profiles.Active(configuration)).Evaluate(registration.Definitions);
        if (logger.IsEnabled(LogLevel.Debug) && report.Components.Count > 0)
        {
            logger.LogDebug("Condition evaluation report:{NewLine}{Report}", Environment.NewLine, report.ToString());
        }

        var excluded = included.Count == registration.Definitions.Count ? [] : registration.Definitions.Except(included).ToList();
        return new Conditioned(registration, included, excluded, report, problems);
    }
}

/// <summary>
/// The components that are in, those a condition left out, and why; and the conditions that threw (their components are out),
/// reported by validation together with every other problem.
/// </summary>
internal sealed record Conditioned(
    Registration Registration,
    IReadOnlyList<ComponentDefinition> Included,
    IReadOnlyList<ComponentDefinition> Excluded,
    ConditionReport Report,
    IReadOnlyList<ContainerException> Problems);
