namespace Sprig.Conditions;

/// <summary>Includes the component when a type is available (full or assembly-qualified name), e.g. an optional library.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConditionalOnClassAttribute : ConditionAttribute
{
    /// <summary>Initializes the condition for a type name.</summary>
    /// <param name="typeName">The full or assembly-qualified type name.</param>
    public ConditionalOnClassAttribute(string typeName) => TypeName = typeName;

    /// <summary>Gets the type name.</summary>
    public string TypeName { get; }

    /// <inheritdoc/>
    public override string Description => $"ConditionalOnClass('{TypeName}')";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context) => TypePresence.Evaluate(TypeName, wanted: true);
}
