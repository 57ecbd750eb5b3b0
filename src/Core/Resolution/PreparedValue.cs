namespace Sprig.Resolution;

/// <summary>
/// One dependency of a <see cref="PreparedPlan"/>, decided once when the plan is prepared: a constant (a created singleton, a
/// configuration value), an inlined prototype (its own prepared plan), a component resolved per call, or anything else followed
/// by <see cref="PlanInterpreter.Value"/>. A virtual call per dependency where the interpreter tests the dependency's kind.
/// </summary>
internal abstract class PreparedValue
{
    /// <summary>Makes the value in <paramref name="scope"/>.</summary>
    public abstract object? Get(RequestScope? scope);
}
