using System.Text.Json;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Sprig.Endpoints;
using Sprig.Nats.Diagnostics;
using Sprig.Nats.Protocol;
using Sprig.Remoting;

namespace Sprig.Nats.Server;

/// <summary>
/// Runs one served call through the context's public catalog and sends its answer: the result, the items and the end, or one
/// error frame. An exception is logged here once, with the address, and sent as a <see cref="RemoteFailure"/>.
/// </summary>
internal sealed class CallExecutor(ApplicationContext context, INatsConnection connection, LiveCalls live, string control, bool includeDetails, ILogger logger)
{
    /// <summary>The <c>sprig.transport</c> of the calls served here.</summary>
    private const string Transport = "nats";

    public async Task RunAsync(ServedCall call)
    {
        // The call's only parent is the one its caller sent: nothing ambient of this process (such as the activity current when
        // the runners started) may adopt it.
        System.Diagnostics.Activity.Current = null;
        var address = call.Endpoint.Address;
        var started = false;
        using var key = call.ServiceKey is null ? null : ServiceKeys.Use(call.ServiceKey);
        try
        {
            call.Token.ThrowIfCancellationRequested();
            var arguments = ParseArguments(call);
            started = true;
            if (call.IsStream)
            {
                await StreamAsync(call, arguments).ConfigureAwait(false);
            }
            else
            {
                var result = await context.EndpointsCore.InvokeAsync(address, arguments, null, call.Token, call.Parent, Transport).ConfigureAwait(false);
                var body = result.ValueKind == JsonValueKind.Undefined ? default : JsonSerializer.SerializeToUtf8Bytes(result, EndpointJson.Options);
                await SendLastAsync(call, Frame.Result(control, body), "result").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failure = Describe(call, ex);
            if (!started && failure.Status == 503)
            {
                // Shutdown reached the call while it was still queued: it never ran, so the caller may send it elsewhere.
                failure = failure with { NotStarted = true };
            }

            await SendLastAsync(call, Frame.Error(control, failure), "error").ConfigureAwait(false);
        }
        finally
        {
            live.Remove(call);
            call.Dispose();
        }
    }

    private async Task StreamAsync(ServedCall call, JsonElement arguments)
    {
        var address = call.Endpoint.Address;
        long sequence = 0;
        await foreach (var item in context.EndpointsCore.StreamAsync(address, arguments, null, call.Token, call.Parent, Transport).WithCancellation(call.Token).ConfigureAwait(false))
        {
            sequence++;
            await call.WaitForWindowAsync(sequence, logger).ConfigureAwait(false);
            var frame = Frame.Item(control, sequence, JsonSerializer.SerializeToUtf8Bytes(item, EndpointJson.Options));
            ThrowIfTooLarge(call, frame, "item");
            await FramePublisher.PublishAsync(connection, call.ReplyTo, frame, cancellationToken: call.Token).ConfigureAwait(false);
        }

        await SendLastAsync(call, Frame.End(control, sequence), "end").ConfigureAwait(false);
    }

    private static JsonElement ParseArguments(ServedCall call)
    {
        if (call.Arguments.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(call.Arguments.Span, EndpointJson.Options);
        }
        catch (JsonException ex)
        {
            throw EndpointBindingException.MalformedJson(call.Endpoint, ex);
        }
    }

    /// <summary>Sends a call's last frame. The call leaves the live set first, so no heartbeat follows its answer.</summary>
    private async Task SendLastAsync(ServedCall call, Frame frame, string what)
    {
        live.Remove(call);
        try
        {
            if (frame.Kind != FrameKind.Error)
            {
                ThrowIfTooLarge(call, frame, what);
            }

            await FramePublisher.PublishAsync(connection, call.ReplyTo, frame).ConfigureAwait(false);
        }
        catch (AnswerTooLargeException tooLarge)
        {
            await SendLastAsync(call, Frame.Error(control, Describe(call, tooLarge)), "error").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or ObjectDisposedException or OperationCanceledException)
        {
            NatsLog.AnswerNotSent(logger, ex, what, call.Endpoint.Address);
        }
    }

    private void ThrowIfTooLarge(ServedCall call, Frame frame, string what)
    {
        if (FramePublisher.SizeOver(connection, frame) is { } size)
        {
            throw new AnswerTooLargeException(NatsErrors.ResultTooLarge(call.Endpoint.Address, what, size, connection.ServerInfo!.MaxPayload));
        }
    }

    private RemoteFailure Describe(ServedCall call, Exception exception)
    {
        var address = call.Endpoint.Address;
        if (exception is OperationCanceledException && call.Token.IsCancellationRequested)
        {
            if (call.CancelledByCaller)
            {
                NatsLog.CancelledByCaller(logger, address);
                return RemoteFailure.From(exception, address, includeDetails);
            }

            NatsLog.Problem(logger, NatsErrors.Stopping(address));
            return new RemoteFailure(503, "The serving process is shutting down.", NatsErrors.Stopping(address));
        }

        if (exception is AnswerTooLargeException)
        {
            NatsLog.Failure(logger, exception.Message);
            return new RemoteFailure(500, "The answer is too large.", exception.Message);
        }

        var failure = RemoteFailure.From(exception, address, includeDetails);
        if (failure.Status >= 500)
        {
            NatsLog.EndpointFailed(logger, exception, address, failure.Status);
        }
        else
        {
            NatsLog.EndpointRefused(logger, address, failure.Status, exception.Message);
        }

        return failure;
    }
}
