namespace Sprig.Conditions;

/// <summary>
/// Includes the component when no other component is in with that name or type — the way to declare a default that an
/// application can replace. Evaluated to a fixed point, so registration order never matters.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConditionalOnMissingBeanAttribute : ConditionAttribute
{
    /// <summary>Initializes the condition for a component name.</summary>
    /// <param name="name">The component name.</param>
    public ConditionalOnMissingBeanAttribute(string name) => Name = name;

    /// <summary>Initializes the condition for a type.</summary>
    /// <param name="type">The type no other component may be or implement.</param>
    public ConditionalOnMissingBeanAttribute(Type type) => Type = type;

    /// <summary>Gets the component name, when the condition is by name.</summary>
    public string? Name { get; }

    /// <summary>Gets the type, when the condition is by type.</summary>
    public Type? Type { get; }

    /// <inheritdoc/>
    public override string Description => $"ConditionalOnMissingBean({BeanPresence.Describe(Name, Type)})";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context) => BeanPresence.Evaluate(context, Name, Type, wanted: false);
}
