using System.Text.Json;
using Sprig.Diagnostics;

namespace Sprig;

/// <summary>
/// Raised when the JSON arguments of an endpoint call do not fit its parameters: malformed JSON, a missing required parameter,
/// or a value of the wrong type. It names the parameter and the JSON path (e.g. <c>$.count</c>); over HTTP it is a 400.
/// To avoid it, send the single parameter's value, or an object of named parameters (camelCase) when there are several.
/// </summary>
public sealed class EndpointBindingException : EndpointCallException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public EndpointBindingException()
        : this("The arguments of an endpoint call do not fit its parameters.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What did not fit and how to fix it.</param>
    public EndpointBindingException(string message)
        : base(message, 400, null)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">What did not fit and how to fix it.</param>
    /// <param name="innerException">The cause, usually a <see cref="JsonException"/>.</param>
    public EndpointBindingException(string message, Exception? innerException)
        : base(message, 400, innerException)
    {
    }

    /// <summary>Initializes an exception about one endpoint call.</summary>
    /// <param name="message">What did not fit and how to fix it.</param>
    /// <param name="address">The endpoint's address.</param>
    /// <param name="componentName">The endpoint's component.</param>
    /// <param name="parameterName">The parameter that could not be bound, or <see langword="null"/> when the arguments as a whole are wrong.</param>
    /// <param name="jsonPath">Where in the arguments the problem is, e.g. <c>$.count</c>.</param>
    /// <param name="innerException">The cause, usually a <see cref="JsonException"/>.</param>
    public EndpointBindingException(string message, string address, string? componentName, string? parameterName, string jsonPath, Exception? innerException = null)
        : base(message, address, 400, componentName, innerException)
    {
        ParameterName = parameterName;
        JsonPath = jsonPath;
    }

    /// <summary>Gets the parameter that could not be bound, or <see langword="null"/> when the arguments as a whole are wrong.</summary>
    public string? ParameterName { get; }

    /// <summary>Gets where in the arguments the problem is: <c>$</c> for the whole value, <c>$.count</c> for a named parameter.</summary>
    public string JsonPath { get; } = "$";

    /// <summary>
    /// Creates the exception for arguments that are not valid JSON (for hosts that parse a request body before calling
    /// <see cref="IEndpointCatalog.InvokeAsync(string, JsonElement, CancellationToken)"/>), so that they report it in the same words as every other binding error.
    /// </summary>
    /// <param name="endpoint">The endpoint that was called.</param>
    /// <param name="exception">The error the JSON parser raised.</param>
    /// <returns>The exception to throw; it names the single parameter, if the endpoint has one, and where the JSON broke.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="exception"/> is <see langword="null"/>.</exception>
    public static EndpointBindingException MalformedJson(EndpointDescriptor endpoint, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(exception);
        var parameter = endpoint.Parameters.Count == 1 ? endpoint.Parameters[0].Name : null;
        var path = exception.Path ?? "$";
        return new EndpointBindingException(
            Errors.EndpointMalformedJson(endpoint.Address, path, exception), endpoint.Address, endpoint.Component, parameter, path, exception);
    }
}
