namespace Sprig;

/// <summary>A custom condition for <c>[Conditional(typeof(...))]</c>: decides at refresh whether a component is included.</summary>
/// <example>
/// <code>
/// public sealed class IsProduction : ICondition
/// {
///     public bool Matches(ConditionContext context) => context.ActiveProfiles.Contains("production");
/// }
/// </code>
/// </example>
public interface ICondition
{
    /// <summary>Decides whether the component is included. Must not create components; it may ask about them.</summary>
    /// <param name="context">The configuration, the active profiles and the components that are in.</param>
    /// <returns><see langword="true"/> to include the component.</returns>
    bool Matches(ConditionContext context);
}
