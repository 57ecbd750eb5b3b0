namespace Sprig;

/// <summary>
/// Picks the service key of the endpoint calls made in a block of code (<see cref="ServiceKeyAttribute"/>): contract proxies,
/// <see cref="IEndpointCatalog"/> calls and calls to other processes alike. The key flows with the async control flow, as an
/// <see cref="AsyncLocal{T}"/> does, and travels to other processes (HTTP header and NATS header <see cref="Header"/>).
/// </summary>
/// <example>
/// <code>
/// using (ServiceKeys.Use("v2"))
/// {
///     var greeting = await greeter.HelloAsync("Ada");   // served by the implementation with [ServiceKey("v2")]
/// }
/// </code>
/// </example>
public static class ServiceKeys
{
    /// <summary>The HTTP and NATS header that carries a call's service key.</summary>
    public const string Header = "Sprig-Service-Key";

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>Gets the service key the calls made here use, or null to split calls by weight.</summary>
    public static string? Current => Ambient.Value;

    /// <summary>Makes the calls in a block use a service key, until the returned object is disposed.</summary>
    /// <param name="key">The key, as a [ServiceKey] names it; null to split calls by weight again.</param>
    /// <returns>An object that restores the previous key when disposed.</returns>
    public static IDisposable Use(string? key)
    {
        var previous = Ambient.Value;
        Ambient.Value = string.IsNullOrWhiteSpace(key) ? null : key;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
