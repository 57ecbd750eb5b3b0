using System.Reflection;

namespace Sprig;

/// <summary>One RPC endpoint: a component's <see cref="EndpointAttribute"/> method and the address it answers at.</summary>
/// <param name="Namespace">The component's endpoint namespace (<see cref="ComponentAttribute.Namespace"/>, default "default").</param>
/// <param name="Component">The component name.</param>
/// <param name="Name">The endpoint name: <see cref="EndpointAttribute.Name"/>, or the method name.</param>
/// <param name="IsStreaming">Whether the method returns <see cref="IAsyncEnumerable{T}"/>: call it with <see cref="IEndpointCatalog.StreamAsync(string, System.Text.Json.JsonElement, CancellationToken)"/>.</param>
/// <param name="Method">The method called.</param>
public sealed record EndpointDescriptor(string Namespace, string Component, string Name, bool IsStreaming, MethodInfo Method)
{
    /// <summary>Gets the address: "{Namespace}/{Component}/{Name}", e.g. <c>dynamo/VllmWorker/generate</c>.</summary>
    public string Address => $"{Namespace}/{Component}/{Name}";

    /// <summary>
    /// Gets the parameters bound from the JSON arguments, in declaration order (every parameter but the
    /// <see cref="CancellationToken"/> ones). With exactly one, the arguments are its value; otherwise an object of named parameters.
    /// </summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; init; } = [];

    /// <summary>
    /// Gets the type of the JSON result: T for T, Task&lt;T&gt; and ValueTask&lt;T&gt;, the item type T for IAsyncEnumerable&lt;T&gt;,
    /// or <see langword="null"/> for void, Task and ValueTask (no result).
    /// </summary>
    public Type? ResultType { get; init; }

    /// <summary>Gets whether the endpoint is safe to run twice (<see cref="EndpointAttribute.Idempotent"/>): governance may then retry a call that timed out or lost its instance.</summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// Gets the <see cref="ServiceKeyAttribute"/> key this implementation serves the address under, or null. Several keyed
    /// implementations share one address; the catalog lists the first.
    /// </summary>
    public string? ServiceKey { get; init; }

    /// <summary>Gets the share of unkeyed calls this keyed implementation gets (<see cref="ServiceKeyAttribute.Weight"/>); 1 when unkeyed.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>
    /// Gets the interfaces whose methods <see cref="Method"/> implements, as Sprig.Generator saw them at compile time, where
    /// reflection cannot tell (Native AOT, or the <c>Sprig.IsDynamicCodeSupported</c> switch off); <see langword="null"/> where it
    /// can: a host reads their attributes as the endpoint's metadata (<c>[Authorize]</c> on an interface method).
    /// </summary>
    public IReadOnlyList<Type>? Contracts { get; init; }
}
