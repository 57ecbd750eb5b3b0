namespace Sprig;

/// <summary>Why one conditional component is in or out: each of its conditions with its outcome.</summary>
/// <param name="Component">The component name.</param>
/// <param name="Included">Whether the component is in.</param>
/// <param name="Conditions">Each condition, in declaration order (a bean's class conditions first).</param>
public sealed record ComponentConditions(string Component, bool Included, IReadOnlyList<ConditionResult> Conditions)
{
    /// <summary>Gets the report line: <c>EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from ...)</c>.</summary>
    public string Text => $"{Component}: {(Included ? "in" : "out")} — {string.Join("; ", Conditions.Select(c => $"{c.Condition} {c.Message}"))}";

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The report line.</returns>
    public override string ToString() => Text;
}
