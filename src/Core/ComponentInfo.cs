namespace Sprig;

/// <summary>One component of a running context, as diagnostics show it (<see cref="ApplicationContext.Components"/>).</summary>
/// <param name="Name">The name the component is registered and resolved by.</param>
/// <param name="Type">The class that is constructed; a registered instance's own class; for a [Bean] method, a provider or a
/// service descriptor's factory, the declared type.</param>
/// <param name="Scope">The component's scope.</param>
/// <param name="Namespace">The endpoint namespace (<see cref="ComponentAttribute.Namespace"/>).</param>
/// <param name="Origin">Where the component came from: "attribute" (an attributed class), "registration" (a class registered
/// without attributes), "[Bean] Config.Method", "[Provider] Class", "instance", "service descriptor", or "remote contract".</param>
/// <param name="Dependencies">The components it links to: constructor and factory arguments, injected members, the owner of its factory.</param>
public sealed record ComponentInfo(string Name, Type Type, Scope Scope, string Namespace, string Origin, IReadOnlyList<DependencyInfo> Dependencies);
