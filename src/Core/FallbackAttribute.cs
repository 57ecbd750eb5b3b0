namespace Sprig;

/// <summary>
/// Names the local component that answers a call of a contract's endpoint when the call failed after governance (its retries
/// spent, its circuit open, refused by a limit, or the endpoint threw). The component has methods of the same names and
/// parameters as the contract's; the one matching the failed endpoint runs with the call's arguments. It may implement the
/// contract, but it never serves the contract's address and is never injected where the contract is asked for.
/// </summary>
/// <example>
/// <code>
/// [ComponentContract("shop"), Fallback(typeof(CachedPrices))]
/// public interface IPrices { Task&lt;decimal&gt; PriceAsync(string sku); }
///
/// [Component]
/// public sealed class CachedPrices(PriceCache cache) { public Task&lt;decimal&gt; PriceAsync(string sku) =&gt; cache.LastKnownAsync(sku); }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method)]
public sealed class FallbackAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="component">The fallback component's type.</param>
    public FallbackAttribute(Type component)
    {
        ArgumentNullException.ThrowIfNull(component);
        Component = component;
    }

    /// <summary>Gets the fallback component's type.</summary>
    public Type Component { get; }
}
