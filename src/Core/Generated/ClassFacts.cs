namespace Sprig.Generated;

/// <summary>
/// What Sprig.Generator saw, at compile time, that a component class and its base classes carry: a clear flag means none, and the
/// runtime skips reading that part of the class by reflection (Sprig's first refresh of thousands of classes spends most of its
/// time there). The generator writes one character per class: <c>'@'</c> plus the flags,
/// or <c>'?'</c> when it could not see the whole class (a base class from another assembly, whose private members a compilation
/// does not show), and the runtime reads everything as without the generator.
/// </summary>
[Flags]
internal enum ClassFacts
{
    /// <summary>No injected member, hook, endpoint, condition or service key.</summary>
    None = 0,

    /// <summary>A field or property carries [Inject], [InjectByName], [Value] or [Lazy].</summary>
    Members = 1,

    /// <summary>A method carries [PostConstruct], [OnStart] or [PreDestroy].</summary>
    Hooks = 2,

    /// <summary>A method carries [Endpoint].</summary>
    Endpoints = 4,

    /// <summary>The class or a base class carries a condition (an attribute derived from <see cref="ConditionAttribute"/>).</summary>
    Conditions = 8,

    /// <summary>The class itself carries [ServiceKey].</summary>
    ServiceKey = 16,

    /// <summary>Everything: the generator could not see the whole class, so the runtime reads it all.</summary>
    Unknown = Members | Hooks | Endpoints | Conditions | ServiceKey,
}
