using Sprig;

namespace AotSample;

/// <summary>A plain component, injected by constructor, and [Lazy] as a class target (its public members are virtual: the generator subclasses it).</summary>
[Component]
public class Clock
{
    public virtual string Today => "2026-01-01";
}
