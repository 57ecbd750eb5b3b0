using Microsoft.Extensions.Logging;

namespace Sprig.Web;

/// <summary>Sprig.Web's log events, source-generated so that the request path neither boxes nor formats when a level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "RPC {Address} answered {Status} in {Elapsed:0.0} ms")]
    public static partial void Answered(ILogger logger, string address, int status, double elapsed);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "RPC {Address} failed (trace id {TraceId})")]
    public static partial void Failed(ILogger logger, string address, string traceId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "RPC stream {Address} failed after it started (trace id {TraceId})")]
    public static partial void StreamFailed(ILogger logger, string address, string traceId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Request {Method} {Path} failed (trace id {TraceId})")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string traceId, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Request {Method} {Path}: reading the request body failed with an IOException (the client went away, or sent less than it announced)")]
    public static partial void BodyUnreadable(ILogger logger, string method, Microsoft.AspNetCore.Http.PathString path, Exception exception);
}
