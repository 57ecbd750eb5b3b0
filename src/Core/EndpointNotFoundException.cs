namespace Sprig;

/// <summary>
/// Raised when no endpoint answers at an address; over HTTP it is a 404. The message lists the closest addresses.
/// To avoid it, check the address ("{Namespace}/{Component}/{Name}"), mark the method <see cref="EndpointAttribute"/>, and make
/// sure its component is registered and not excluded by a condition; <see cref="IEndpointCatalog.Find"/> tells whether it exists.
/// </summary>
public sealed class EndpointNotFoundException : EndpointCallException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public EndpointNotFoundException()
        : this("No endpoint answers at the address.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    public EndpointNotFoundException(string message)
        : base(message, 404, null)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public EndpointNotFoundException(string message, Exception? innerException)
        : base(message, 404, innerException)
    {
    }

    /// <summary>Initializes an exception about an unknown address.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    /// <param name="address">The address that was asked for.</param>
    /// <param name="suggestions">The closest addresses of the catalog.</param>
    public EndpointNotFoundException(string message, string address, IReadOnlyList<string> suggestions)
        : base(message, address, 404)
    {
        Suggestions = suggestions;
    }

    /// <summary>Gets the closest addresses of the catalog ("did you mean").</summary>
    public IReadOnlyList<string> Suggestions { get; } = [];
}
