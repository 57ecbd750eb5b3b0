namespace Sprig;

/// <summary>The result of one condition: whether it matched and what it saw, for the condition report.</summary>
/// <param name="Matches">Whether the condition matched.</param>
/// <param name="Message">What the condition saw, e.g. "found 'false' (from environment variable FEATURE__EMAIL)".</param>
public readonly record struct ConditionOutcome(bool Matches, string Message);
