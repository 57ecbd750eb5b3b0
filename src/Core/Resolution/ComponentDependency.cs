namespace Sprig.Resolution;

/// <summary>A direct link to one component, found by type or, when <see cref="ByName"/>, by name ([InjectByName]).</summary>
internal sealed class ComponentDependency(ComponentEntry target, bool byName = false) : Dependency
{
    public ComponentEntry Target { get; } = target;

    /// <summary>Gets whether the link names its target ([InjectByName]) rather than asking for its type (diagnostics tell them apart).</summary>
    public bool ByName { get; } = byName;

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [(Target, false)];
}
