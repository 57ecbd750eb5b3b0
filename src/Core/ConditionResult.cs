namespace Sprig;

/// <summary>One condition of a component as refresh evaluated it.</summary>
/// <param name="Condition">How the condition is written, e.g. <c>ConditionalOnProperty('feature.email', HavingValue='true')</c>.</param>
/// <param name="Matched">Whether it matched.</param>
/// <param name="Message">What it saw.</param>
public sealed record ConditionResult(string Condition, bool Matched, string Message);
