namespace Sprig.Resolution;

/// <summary>A direct link to one component.</summary>
internal sealed class ComponentDependency(ComponentEntry target) : Dependency
{
    public ComponentEntry Target { get; } = target;

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [(Target, false)];
}
