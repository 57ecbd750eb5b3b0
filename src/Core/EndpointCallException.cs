namespace Sprig;

/// <summary>
/// Raised when a call of an endpoint fails, whether it ran in-process, through a local contract or in another process: the
/// <see cref="StatusCode"/> says why, in HTTP's words — 400 bad arguments (<see cref="EndpointBindingException"/>), 404 unknown
/// endpoint (<see cref="EndpointNotFoundException"/>), 500 the endpoint threw, 502 the serving instance died mid-call, 503 nothing
/// serves the address, 504 the deadline passed. Catch this one type to handle a failed call the same way wherever it ran.
/// </summary>
public class EndpointCallException : ContainerException
{
    /// <summary>Initializes an exception with a default message and status 500.</summary>
    public EndpointCallException()
        : this("An endpoint call failed.")
    {
    }

    /// <summary>Initializes an exception with a message and status 500.</summary>
    /// <param name="message">What failed and how to fix it.</param>
    public EndpointCallException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message, a cause and status 500.</summary>
    /// <param name="message">What failed and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public EndpointCallException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception with a message and a status, for subclasses whose status is fixed.</summary>
    /// <param name="message">What failed and how to fix it.</param>
    /// <param name="statusCode">Why it failed, as an HTTP status.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    protected EndpointCallException(string message, int statusCode, Exception? innerException)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>Initializes an exception about one call.</summary>
    /// <param name="message">What failed and how to fix it.</param>
    /// <param name="address">The address that was called ("dynamo/VllmWorker/generate").</param>
    /// <param name="statusCode">Why it failed, as an HTTP status (400, 404, 500, 502, 503, 504).</param>
    /// <param name="componentName">The component called, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public EndpointCallException(string message, string? address, int statusCode, string? componentName = null, Exception? innerException = null)
        : base(message, componentName, null, innerException)
    {
        Address = address;
        StatusCode = statusCode;
    }

    /// <summary>Gets the address that was called, e.g. <c>dynamo/VllmWorker/generate</c>.</summary>
    public string? Address { get; }

    /// <summary>
    /// Gets why the call failed: 400 bad arguments, 404 unknown endpoint, 500 the endpoint threw, 502 the serving instance died
    /// mid-call, 503 nothing serves the address (or a breaker or limit refused it), 504 the deadline passed.
    /// </summary>
    public int StatusCode { get; } = 500;

    /// <summary>Gets the type name of the exception the endpoint threw in the serving process, when it was sent (outside production).</summary>
    public string? RemoteExceptionType { get; init; }

    /// <summary>
    /// Gets whether the endpoint never started: no instance received the call, the serving process refused it unstarted (shutting
    /// down, or its concurrency limit full), or a circuit breaker refused it. Such a call is safe to try again even when the
    /// endpoint is not idempotent; governance does so.
    /// </summary>
    public bool NotStarted { get; init; }

    /// <summary>Gets how long the caller should wait before calling again, when a limit or an open circuit refused the call (HTTP's <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
