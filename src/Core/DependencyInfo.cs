namespace Sprig;

/// <summary>One link of a component to another (<see cref="ComponentInfo.Dependencies"/>).</summary>
/// <param name="Component">The name of the component linked to.</param>
/// <param name="Kind">"type" (injected directly, found by its type), "name" (injected directly, found by its name: [InjectByName]), "lazy" (a [Lazy] proxy, <c>Lazy&lt;T&gt;</c> or <c>Func&lt;T&gt;</c>),
/// "collection" (one of an <c>IEnumerable&lt;T&gt;</c>), "bean-factory" (the component whose method makes it), "framework" (a
/// service descriptor's component injected directly).</param>
public sealed record DependencyInfo(string Component, string Kind);
