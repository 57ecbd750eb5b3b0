namespace Sprig;

/// <summary>
/// Marks an interface as a component's contract, shared by the process that serves the component and the processes that call
/// it. Every method of the interface is an endpoint of the component (<see cref="EndpointAttribute"/> on an interface method
/// renames it or marks it idempotent). Injecting the interface, or <c>Get&lt;IContract&gt;()</c>, gives the local component that
/// implements it, or else a remote proxy that calls the component through the configured transport (NATS, or HTTP through
/// <c>Sprig:Remotes:{namespace}:{component}:Url</c>).
/// </summary>
/// <example>
/// <code>
/// [ComponentContract(Namespace = "dynamo")]            // the component "VllmWorker" in namespace "dynamo"
/// public interface IVllmWorker
/// {
///     [Endpoint("generate")]
///     IAsyncEnumerable&lt;string&gt; Generate(string prompt, int maxTokens, CancellationToken cancellationToken = default);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class ComponentContractAttribute : Attribute
{
    /// <summary>Initializes a contract whose component is named after the interface without its leading 'I' (IVllmWorker -> VllmWorker).</summary>
    public ComponentContractAttribute()
    {
    }

    /// <summary>Initializes a contract of the named component.</summary>
    /// <param name="component">The name of the component that serves the contract.</param>
    public ComponentContractAttribute(string component) => Component = component;

    /// <summary>Gets the component name, or <see langword="null"/> for the interface name without its leading 'I'.</summary>
    public string? Component { get; }

    /// <summary>Gets or sets the endpoint namespace of the component; default "default".</summary>
    public string Namespace { get; set; } = "default";
}
