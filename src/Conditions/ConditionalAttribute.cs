namespace Sprig.Conditions;

/// <summary>Includes the component when a custom <see cref="ICondition"/> matches. The condition class needs a parameterless constructor.</summary>
/// <example><code>[Service, Conditional(typeof(IsProduction))] public class RealPayments { }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ConditionalAttribute : ConditionAttribute
{
    /// <summary>Initializes the attribute with the condition type.</summary>
    /// <param name="conditionType">A class implementing <see cref="ICondition"/> with a parameterless constructor.</param>
    public ConditionalAttribute(Type conditionType)
    {
        ConditionType = conditionType;
    }

    /// <summary>Gets the condition type.</summary>
    public Type ConditionType { get; }

    /// <inheritdoc/>
    public override string Description => $"Conditional({ConditionType.Name})";

    /// <inheritdoc/>
    /// <exception cref="ContainerException">The type does not implement <see cref="ICondition"/> or cannot be constructed.</exception>
    public override ConditionOutcome Evaluate(ConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matches = Create(context.ComponentName).Matches(context);
        return new(matches, $"{ConditionType.Name}.Matches returned {(matches ? "true" : "false")}");
    }

    // A new condition object per evaluation keeps conditions free of state shared between contexts.
    private ICondition Create(string component)
    {
        if (!typeof(ICondition).IsAssignableFrom(ConditionType) || ConditionType.IsAbstract || ConditionType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ContainerException(
                $"'{component}' has [Conditional(typeof({ConditionType.Name}))], which cannot be evaluated: {ConditionType.Name} must be a class "
                + "that implements ICondition and has a public parameterless constructor.", component, null);
        }

        return (ICondition)Activator.CreateInstance(ConditionType)!;
    }
}
