namespace Sprig.Resolution;

/// <summary>A dependency of any other kind (a collection, a [Lazy] link, the scope's provider, an unresolvable one), made by <see cref="PlanInterpreter.Value"/>.</summary>
internal sealed class InterpretedValue(Dependency dependency) : PreparedValue
{
    private readonly Dependency _dependency = dependency;

    public override object? Get(RequestScope? scope) => PlanInterpreter.Value(_dependency, scope);
}
