using Microsoft.Extensions.Logging;

namespace Sprig.Nats.Diagnostics;

/// <summary>The NATS transport's log messages, as source-generated delegates (no work when the level is off).</summary>
internal static partial class NatsLog
{
    [LoggerMessage(1, LogLevel.Information, "Serving {Endpoints} endpoint(s) of {Components} component(s) over NATS to anyone who can publish on the server ({Addresses}); control subject {Control}. Set Sprig:Nats:Serve=false in a process that only calls.")]
    public static partial void Serving(ILogger logger, int endpoints, int components, string addresses, string control);

    [LoggerMessage(2, LogLevel.Error, "Endpoint {Address} failed serving a call over NATS ({Status}).")]
    public static partial void EndpointFailed(ILogger logger, Exception exception, string address, int status);

    [LoggerMessage(3, LogLevel.Information, "Endpoint {Address} refused a call over NATS ({Status}): {Detail}")]
    public static partial void EndpointRefused(ILogger logger, string address, int status, string detail);

    [LoggerMessage(4, LogLevel.Debug, "The call of {Address} was cancelled by its caller.")]
    public static partial void CancelledByCaller(ILogger logger, string address);

    [LoggerMessage(5, LogLevel.Warning, "{Message}")]
    public static partial void Problem(ILogger logger, string message);

    [LoggerMessage(6, LogLevel.Error, "{Message}")]
    public static partial void Failure(ILogger logger, string message);

    [LoggerMessage(7, LogLevel.Warning, "The NATS transport could not send the {What} of {Address} to its caller.")]
    public static partial void AnswerNotSent(ILogger logger, Exception exception, string what, string address);

    [LoggerMessage(8, LogLevel.Debug, "The NATS transport could not send a '{Kind}' frame to {Subject}.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string kind, string subject);

    [LoggerMessage(10, LogLevel.Error, "The NATS transport's inbox stopped reading answers; calls in flight will fail when their time runs out.")]
    public static partial void InboxStopped(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "The NATS transport received a malformed answer on {Subject}: {Problem}")]
    public static partial void MalformedAnswer(ILogger logger, string subject, string problem);

    [LoggerMessage(12, LogLevel.Information, "Refused a malformed request to {Address} over NATS: {Problem}")]
    public static partial void MalformedRequest(ILogger logger, string address, string problem);

    [LoggerMessage(13, LogLevel.Warning, "A message to {Address} over NATS had no reply subject and was ignored; call endpoints as requests.")]
    public static partial void NoReplySubject(ILogger logger, string address);

    [LoggerMessage(14, LogLevel.Debug, "Ignored a control message on {Subject}: {Problem}")]
    public static partial void ControlIgnored(ILogger logger, string subject, string problem);

    [LoggerMessage(15, LogLevel.Warning, "The NATS transport could not stop a service cleanly.")]
    public static partial void ServiceStopFailed(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "The NATS transport cancels {Count} call(s) still running after the drain ({DrainTimeout}).")]
    public static partial void DrainCancelling(ILogger logger, int count, TimeSpan drainTimeout);

    [LoggerMessage(18, LogLevel.Debug, "Stream {Address} waits for its caller: item {Sequence} is beyond the window of {Window} items past the last acknowledged one.")]
    public static partial void WaitingForCaller(ILogger logger, string address, long sequence, int window);

    [LoggerMessage(17, LogLevel.Error, "Calls served over NATS ignored their cancellation for {DrainTimeout}; shutdown goes on without them.")]
    public static partial void DrainIgnored(ILogger logger, TimeSpan drainTimeout);
}
