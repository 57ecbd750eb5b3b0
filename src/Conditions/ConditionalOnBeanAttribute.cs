namespace Sprig.Conditions;

/// <summary>
/// Includes the component when another component is in, by name or by type (a type matches a component that is or implements it).
/// Evaluated to a fixed point, so registration order never matters.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConditionalOnBeanAttribute : ConditionAttribute
{
    /// <summary>Initializes the condition for a component name.</summary>
    /// <param name="name">The component name.</param>
    public ConditionalOnBeanAttribute(string name) => Name = name;

    /// <summary>Initializes the condition for a type.</summary>
    /// <param name="type">The type a component must be or implement.</param>
    public ConditionalOnBeanAttribute(Type type) => Type = type;

    /// <summary>Gets the component name, when the condition is by name.</summary>
    public string? Name { get; }

    /// <summary>Gets the type, when the condition is by type.</summary>
    public Type? Type { get; }

    /// <inheritdoc/>
    public override string Description => $"ConditionalOnBean({BeanPresence.Describe(Name, Type)})";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context) => BeanPresence.Evaluate(context, Name, Type, wanted: true);
}
