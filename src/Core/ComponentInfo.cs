namespace Sprig;

/// <summary>One component of a running context, as diagnostics show it (<see cref="ApplicationContext.Components"/>).</summary>
/// <param name="Name">The name the component is registered and resolved by (a provider's own instance is "&amp;name").</param>
/// <param name="Type">The class that is constructed; a registered instance's own class; for a [Bean] method, a provider or a
/// service descriptor's factory, the declared type.</param>
/// <param name="Scope">The component's scope.</param>
/// <param name="Namespace">The endpoint namespace (<see cref="ComponentAttribute.Namespace"/>).</param>
/// <param name="Origin">Where the component came from: "attribute" (an attributed class), "registration" (a class registered
/// without attributes), "[Bean] Config.Method", "[Provider] Class", "instance", "service descriptor", or "remote contract".</param>
/// <param name="Dependencies">The components it links to: constructor and factory arguments, injected members, the owner of its
/// factory, and the framework services it receives (<see cref="DependencyInfo"/>).</param>
public sealed record ComponentInfo(string Name, Type Type, Scope Scope, string Namespace, string Origin, IReadOnlyList<DependencyInfo> Dependencies)
{
    private readonly string? _state;

    /// <summary>
    /// Gets the component's state: "created" (a singleton whose instance exists, or a registered instance), "not created" (a
    /// singleton not created yet, or a Prototype or Request component, which the context never keeps) or "destroyed" (the context
    /// has shut down). A <see cref="ComponentInfo"/> read from <see cref="ApplicationContext.Components"/> answers with the state
    /// of the moment it is asked, unless a state was given when it was made.
    /// </summary>
    public string State
    {
        get => _state ?? Live?.State ?? "not created";
        init => _state = value;
    }

    /// <summary>Gets where the current state is read from, for the components of a context.</summary>
    internal Diagnostics.ComponentStateSource? Live { get; init; }
}
