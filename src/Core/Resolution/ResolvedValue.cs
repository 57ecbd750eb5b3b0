namespace Sprig.Resolution;

/// <summary>A component resolved on each call, as <see cref="PlanInterpreter.Value"/> resolves a <see cref="ComponentDependency"/>.</summary>
internal sealed class ResolvedValue(ComponentEntry target) : PreparedValue
{
    private readonly ComponentEntry _target = target;

    public override object? Get(RequestScope? scope) => _target.Resolve(scope);
}
