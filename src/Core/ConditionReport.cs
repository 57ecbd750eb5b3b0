using System.Collections.Frozen;

namespace Sprig;

/// <summary>
/// Records, for every component with conditions, each condition, its outcome and what it saw, like Spring Boot's condition
/// evaluation report. Available from <see cref="ApplicationContext.ConditionReport"/> once refresh has evaluated the conditions.
/// </summary>
public sealed class ConditionReport
{
    private readonly FrozenDictionary<string, ComponentConditions> _byName;
    private readonly string[] _unconditional;

    internal ConditionReport(IReadOnlyList<ComponentConditions> components, IEnumerable<string> unconditional)
    {
        Components = components;
        _byName = components.GroupBy(c => c.Component, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // Only Explain asks about unconditional components, rarely: a plain array (no set built at every refresh), holding names
        // only, so that the report (kept by the context) holds no definitions.
        _unconditional = [.. unconditional];
    }

    internal static ConditionReport Empty { get; } = new([], []);

    /// <summary>Gets every conditional component, in registration order, with its outcome.</summary>
    public IReadOnlyList<ComponentConditions> Components { get; }

    /// <summary>Gets the conditional components that are in.</summary>
    public IEnumerable<ComponentConditions> Included => Components.Where(c => c.Included);

    /// <summary>Gets the conditional components that are out.</summary>
    public IEnumerable<ComponentConditions> Excluded => Components.Where(c => !c.Included);

    /// <summary>Explains why a component is in or out.</summary>
    /// <param name="componentName">The component name.</param>
    /// <returns>
    /// The report line, e.g. <c>EmailService: out — ConditionalOnProperty('feature.email', HavingValue='true') found 'false' (from environment variable FEATURE__EMAIL)</c>;
    /// <c>Name: in — no conditions</c> for an unconditional component; <c>Name: not registered</c> otherwise.
    /// </returns>
    public string Explain(string componentName)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        if (_byName.TryGetValue(componentName, out var component))
        {
            return component.Text;
        }

        return Array.IndexOf(_unconditional, componentName) >= 0 ? $"{componentName}: in — no conditions" : $"{componentName}: not registered";
    }

    /// <summary>Returns the conditions that did not match, for error messages.</summary>
    internal string WhyExcluded(string componentName) =>
        _byName.TryGetValue(componentName, out var component)
            ? string.Join("; ", component.Conditions.Where(c => !c.Matched).Select(c => $"{c.Condition} {c.Message}"))
            : "no condition matched";

    /// <summary>Returns the whole report, one line per conditional component.</summary>
    /// <returns>The report text.</returns>
    public override string ToString() =>
        Components.Count == 0 ? "No conditional components." : string.Join(Environment.NewLine, Components.Select(c => c.Text));
}
