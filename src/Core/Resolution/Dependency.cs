namespace Sprig.Resolution;

/// <summary>
/// One value an injection point receives, as data: what it links to and how the value is made. Plans hold these; the
/// <see cref="PlanInterpreter"/> follows them (refresh, and everywhere code cannot be generated at run time) and the
/// <see cref="PlanCompiler"/> turns them into expression trees, each with one switch over the kinds below.
/// </summary>
internal abstract class Dependency
{
    /// <summary>Gets the components this dependency links to, and whether each link is lazy (resolved on first use).</summary>
    public virtual IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [];

    /// <summary>Gets whether the injection point is left untouched (an optional member with nothing to inject).</summary>
    public virtual bool Skip => false;
}
