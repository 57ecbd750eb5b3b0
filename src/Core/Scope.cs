namespace Sprig;

/// <summary>Describes how long a component instance lives and who shares it.</summary>
public enum Scope
{
    /// <summary>One instance for the whole context, created eagerly by <see cref="ApplicationContext.Refresh"/>.</summary>
    Singleton,

    /// <summary>A new instance every time the component is resolved or injected.</summary>
    Prototype,

    /// <summary>One instance per request scope (<see cref="ApplicationContext.CreateScope"/>), disposed with the scope.</summary>
    Request,
}
