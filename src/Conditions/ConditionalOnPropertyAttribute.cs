namespace Sprig.Conditions;

/// <summary>
/// Includes the component when a configuration property matches. Without <see cref="HavingValue"/> the property matches when it is
/// present and not "false". Keys are relaxed: "feature.email" and "feature:email" are the same property. The condition report
/// quotes the value it found, except for keys that look secret (a password, secret, token, key or connection string): "found '******'".
/// </summary>
/// <example><code>[Service, ConditionalOnProperty("feature.email", HavingValue = "true")] public class EmailService { }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConditionalOnPropertyAttribute : ConditionAttribute
{
    /// <summary>Initializes the condition for a property.</summary>
    /// <param name="name">The property key.</param>
    public ConditionalOnPropertyAttribute(string name) => Name = name;

    /// <summary>Gets the property key.</summary>
    public string Name { get; }

    /// <summary>Gets or sets the value the property must have (compared ignoring case); <see langword="null"/> for "present and not false".</summary>
    public string? HavingValue { get; set; }

    /// <summary>Gets or sets whether the condition matches when the property is not set.</summary>
    public bool MatchIfMissing { get; set; }

    /// <inheritdoc/>
    public override string Description =>
        $"ConditionalOnProperty('{Name}'{(HavingValue is null ? "" : $", HavingValue='{HavingValue}'")}{(MatchIfMissing ? ", MatchIfMissing=true" : "")})";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.GetProperty(Name);
        if (value is null)
        {
            return new(MatchIfMissing, "did not find the property");
        }

        var matches = HavingValue is null
            ? !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
            : string.Equals(value, HavingValue, StringComparison.OrdinalIgnoreCase);
        var source = context.DescribePropertySource(Name);
        // The report is logged and served (Sprig.Web's GET /sprig/conditions): the value of a key that looks secret is not quoted.
        var shown = Hosting.SecretKeys.IsSecret(Name) ? Hosting.SecretKeys.Mask : value;
        return new(matches, $"found '{shown}'{(source is null ? "" : $" (from {source})")}");
    }
}
