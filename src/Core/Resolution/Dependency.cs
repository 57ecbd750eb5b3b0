using System.Linq.Expressions;

namespace Sprig.Resolution;

/// <summary>
/// One value an injection point receives. The same object serves both creation paths: <see cref="Resolve"/> while refresh
/// builds singletons, <see cref="Build"/> for the compiled factories used afterwards.
/// </summary>
internal abstract class Dependency
{
    /// <summary>Gets the components this dependency links to, and whether each link is lazy (resolved on first use).</summary>
    public virtual IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [];

    /// <summary>Gets whether the injection point is left untouched (an optional member with nothing to inject).</summary>
    public virtual bool Skip => false;

    public abstract object? Resolve(RequestScope? scope);

    /// <summary>Builds an expression of type <paramref name="type"/> that produces the value.</summary>
    public abstract Expression Build(Expression scope, Type type);
}
