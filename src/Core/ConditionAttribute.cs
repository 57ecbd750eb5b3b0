namespace Sprig;

/// <summary>
/// The base of every conditional attribute (<c>ConditionalOnProperty</c>, <c>Profile</c>, ...). Refresh evaluates the conditions
/// of every component before creating anything; a component whose condition does not match is left out everywhere.
/// On a <see cref="ConfigurationAttribute"/> class, a condition also applies to each of its <see cref="BeanAttribute"/> methods.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class ConditionAttribute : Attribute
{
    /// <summary>Gets how the condition is written, for the report: <c>ConditionalOnProperty('feature.email', HavingValue='true')</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Evaluates the condition.</summary>
    /// <param name="context">What the condition may look at.</param>
    /// <returns>Whether it matched, and what it saw.</returns>
    public abstract ConditionOutcome Evaluate(ConditionContext context);
}
