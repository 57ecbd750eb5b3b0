namespace Sprig.Hosting;

/// <summary>
/// How a serving process describes an endpoint's failure to its caller, the same over every transport (HTTP problem+json,
/// NATS headers): the status and text, and whether the caller may try again. Made by <see cref="SprigHosting.DescribeFailure"/>.
/// </summary>
/// <param name="Status">400 bad arguments, 404 unknown endpoint, 500 the endpoint threw, 502, 503, 504 (a nested call's status).</param>
/// <param name="Title">A short summary.</param>
/// <param name="Detail">What failed and how to fix it; for a 500 without details, only the address.</param>
public sealed record EndpointFailure(int Status, string Title, string Detail)
{
    /// <summary>Gets the parameter a 400 is about, or null.</summary>
    public string? Parameter { get; init; }

    /// <summary>Gets the JSON path a 400 is about, or null.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the full name of the exception's type when details are on, else null.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>Gets whether the endpoint never started (its concurrency limit was full, or the process was stopping): the caller may send it elsewhere.</summary>
    public bool NotStarted { get; init; }

    /// <summary>Gets how many seconds the caller should wait before calling again, or null.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Gets the closest addresses for a 404, or null.</summary>
    public IReadOnlyList<string>? Suggestions { get; init; }
}
