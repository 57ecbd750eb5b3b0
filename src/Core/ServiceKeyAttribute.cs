namespace Sprig;

/// <summary>
/// Serves a contract under a key, so that several components can implement one contract side by side (say "v1" and "v2"). A
/// caller picks a key with <see cref="ServiceKeys.Use"/> (or the HTTP header <c>Sprig-Service-Key</c>); otherwise each call goes
/// to one of the keyed implementations at random, in proportion to their weights. Every keyed component serves the contract's
/// address, whatever its own name.
/// </summary>
/// <example>
/// <code>
/// [Service, ServiceKey("v1", 3)] public sealed class GreeterV1 : IGreeter { ... }
/// [Service, ServiceKey("v2", 1)] public sealed class GreeterV2 : IGreeter { ... }   // a quarter of the calls
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ServiceKeyAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The key, e.g. "v2".</param>
    /// <param name="weight">The share of unkeyed calls this implementation gets, relative to the other keys' weights; at least 1.</param>
    public ServiceKeyAttribute(string name, int weight = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        Name = name;
        Weight = weight;
    }

    /// <summary>Gets the key.</summary>
    public string Name { get; }

    /// <summary>Gets the weight.</summary>
    public int Weight { get; }
}
