using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Sprig.Configuration;
using Sprig.Diagnostics;
using Sprig.Endpoints;

namespace Sprig.Remoting;

/// <summary>
/// A failed call as it travels between processes (the same fields as Sprig.Web's problem+json answers): turned from the
/// exception in the serving process, and back into an <see cref="EndpointCallException"/> for the caller.
/// </summary>
/// <param name="Status">400 bad arguments, 404 unknown endpoint, 500 the endpoint threw, 502, 503, 504.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Detail">The serving side's message: what failed and how to fix it.</param>
internal sealed record RemoteFailure(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>Gets the parameter a 400 is about.</summary>
    [JsonPropertyName("parameter")]
    public string? Parameter { get; init; }

    /// <summary>Gets the JSON path a 400 is about.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Gets the type of the exception the endpoint threw (sent only when details are on).</summary>
    [JsonPropertyName("exceptionType")]
    public string? ExceptionType { get; init; }

    /// <summary>
    /// Gets whether the endpoint never started (the serving process was shutting down when the call arrived or was still queued),
    /// so a transport may send the call to another instance even when the endpoint is not idempotent.
    /// </summary>
    [JsonPropertyName("notStarted")]
    public bool NotStarted { get; init; }

    /// <summary>Gets how many seconds the caller should wait before calling again (a full concurrency limit), or null.</summary>
    [JsonPropertyName("retryAfter")]
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Gets the closest addresses the serving process knows, for a 404.</summary>
    [JsonPropertyName("suggestions")]
    public IReadOnlyList<string>? Suggestions { get; init; }

    /// <summary>
    /// Tells whether a serving process sends the type and message of an endpoint's exception: only in the Development
    /// environment (<see cref="EnvironmentName"/>, or the web host's when <paramref name="hostIsDevelopment"/>), or when
    /// <c>Sprig:Remoting:ExceptionDetails</c> is true; that setting, when present, decides alone. Never a stack trace.
    /// </summary>
    /// <param name="configuration">The serving context's configuration.</param>
    /// <param name="hostIsDevelopment">Whether the host that serves the calls (ASP.NET Core's IHostEnvironment) is in Development.</param>
    public static bool IncludeDetails(IConfiguration configuration, bool hostIsDevelopment = false)
    {
        if (ConfigurationKeys.Get(configuration, "Sprig:Remoting:ExceptionDetails") is { } set && bool.TryParse(set, out var details))
        {
            return details;
        }

        return hostIsDevelopment || string.Equals(EnvironmentName(configuration), "Development", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Returns the environment a context's configuration names (the <c>environment</c>, <c>DOTNET_ENVIRONMENT</c> or
    /// <c>ASPNETCORE_ENVIRONMENT</c> key, else those environment variables), or null when none does.
    /// </summary>
    public static string? EnvironmentName(IConfiguration configuration) =>
        ConfigurationKeys.Get(configuration, "environment")
            ?? ConfigurationKeys.Get(configuration, "DOTNET_ENVIRONMENT")
            ?? ConfigurationKeys.Get(configuration, "ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");

    /// <summary>Describes the failure of a served call for the caller.</summary>
    /// <param name="exception">What the endpoint call threw in the serving process.</param>
    /// <param name="address">The address that was called.</param>
    /// <param name="includeDetails">Whether the exception's type and message may be sent (see <see cref="IncludeDetails"/>).</param>
    public static RemoteFailure From(Exception exception, string address, bool includeDetails)
    {
        switch (exception)
        {
            case EndpointBindingException binding when binding.Address is null || string.Equals(binding.Address, address, StringComparison.OrdinalIgnoreCase):
                return new(400, "The arguments do not fit the endpoint.", binding.Message) { Parameter = binding.ParameterName, Path = binding.JsonPath };
            case EndpointNotFoundException notFound when notFound.Address is null || string.Equals(notFound.Address, address, StringComparison.OrdinalIgnoreCase):
                return new(404, "No such endpoint.", notFound.Message) { Suggestions = notFound.Suggestions };
            case EndpointCallException { StatusCode: 400 } shape when string.Equals(shape.Address, address, StringComparison.OrdinalIgnoreCase):
                // Called the wrong way: InvokeAsync of a streaming endpoint, or StreamAsync of a unary one.
                return new(400, "The endpoint was called the wrong way.", shape.Message);
            case EndpointCallException { StatusCode: 503, NotStarted: true } refused when string.Equals(refused.Address, address, StringComparison.OrdinalIgnoreCase):
                // Refused unstarted by this process's own governance (its concurrency limit is full): the caller may try again.
                return new(503, "The endpoint is busy.", refused.Message)
                {
                    NotStarted = true,
                    RetryAfterSeconds = refused.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null,
                };
            case EndpointCallException { StatusCode: 502 or 503 or 504 } nested:
                // A call the endpoint made itself failed for want of a server: the caller learns the same status, not "it threw";
                // the downstream message (addresses, URLs, settings of this process) only where details are on.
                return new(nested.StatusCode, "A call the endpoint made failed.", includeDetails ? nested.Message : Errors.NestedCallFailed(address, nested.StatusCode));
            case OperationCanceledException:
                return new(504, "The call was cancelled.", Errors.RemoteCancelled(address));
        }

        return includeDetails
            ? new(500, "The endpoint failed.", Errors.RemoteThrew(address, exception)) { ExceptionType = exception.GetType().FullName }
            : new(500, "The endpoint failed.", Errors.RemoteThrewHidden(address));
    }

    /// <summary>Parses a failure sent as JSON; null when the bytes are not one.</summary>
    public static RemoteFailure? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SprigJsonContext.Default.RemoteFailure) is { Status: >= 400 } failure ? failure : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns the failure as JSON bytes.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SprigJsonContext.Default.RemoteFailure);

    /// <summary>Turns the failure into the exception the caller sees: the same type a local call would throw.</summary>
    /// <param name="call">The call that failed.</param>
    /// <param name="via">The transport, for the message: "NATS", "HTTP http://host:5000".</param>
    public EndpointCallException ToException(RemoteCall call, string via) => Status switch
    {
        400 => new EndpointBindingException(Detail, call.Address, call.Component, Parameter, Path ?? "$"),
        404 => new EndpointNotFoundException(Detail, call.Address, Suggestions ?? []),
        _ => new EndpointCallException(Errors.RemoteFailed(call.Address, via, Status, Detail), call.Address, Status, call.Component)
        {
            RemoteExceptionType = ExceptionType,
            NotStarted = NotStarted,
            RetryAfter = RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        },
    };
}
