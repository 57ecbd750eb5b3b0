using Sprig;

namespace AotSample;

/// <summary>A plain component, injected by constructor.</summary>
[Component]
public sealed class Clock
{
    public string Today => "2026-01-01";
}
