using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Conditions;
using Sprig.Configuration;
using Sprig.Definitions;

namespace Sprig.Refresh;

/// <summary>Phase 2: evaluates every condition against the configuration and the active profiles; throws when they cannot be settled.</summary>
internal static class ConditionPhase
{
    public static Conditioned Run(Registration registration, IConfiguration configuration, ILogger logger)
    {
        var profiles = Profiles.Of(configuration).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (included, report) = new ConditionEvaluator(configuration, profiles).Evaluate(registration.Definitions);
        if (logger.IsEnabled(LogLevel.Debug) && report.Components.Count > 0)
        {
            logger.LogDebug("Condition evaluation report:{NewLine}{Report}", Environment.NewLine, report.ToString());
        }

        var excluded = included.Count == registration.Definitions.Count ? [] : registration.Definitions.Except(included).ToList();
        return new Conditioned(registration, included, excluded, report);
    }
}

/// <summary>The components that are in, those a condition left out, and why.</summary>
internal sealed record Conditioned(
    Registration Registration, IReadOnlyList<ComponentDefinition> Included, IReadOnlyList<ComponentDefinition> Excluded, ConditionReport Report);
