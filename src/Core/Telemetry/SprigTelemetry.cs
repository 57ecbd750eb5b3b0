using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Sprig.Telemetry;

/// <summary>
/// Sprig's traces and metrics, with System.Diagnostics (OpenTelemetry reads both: <c>AddSource("Sprig")</c>, <c>AddMeter("Sprig")</c>).
/// Every endpoint call is an activity on the calling side (<see cref="ActivityKind.Client"/>) and on the serving side
/// (<see cref="ActivityKind.Server"/>), named by its address and tagged after OpenTelemetry's RPC conventions; the W3C trace
/// context travels with remote calls (NATS and HTTP headers), so a call through three processes is one trace. With nobody
/// listening, a call creates no activity and records no measurement.
/// </summary>
internal static class SprigTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Sprig";

    /// <summary>The value of <c>rpc.system</c>.</summary>
    public const string RpcSystem = "sprig";

    // Attribute names: OpenTelemetry's RPC semantic conventions (v1.x: rpc.system, rpc.service, rpc.method; durations in ms), and Sprig's own.
    private const string SystemTag = "rpc.system";
    private const string ServiceTag = "rpc.service";
    private const string MethodTag = "rpc.method";
    private const string ErrorTag = "error.type";
    private const string TransportTag = "sprig.transport";
    private const string ItemsTag = "sprig.stream.items";

    public static readonly ActivitySource Source = new(Name, typeof(SprigTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Gets Sprig's meter, made on first use: a context that makes no calls loads no metrics code at start-up.</summary>
    public static Meter Meter => Rpc.Meter;

    /// <summary>Starts the measurement of one call; <see langword="default"/> (free) when nobody listens.</summary>
    /// <param name="kind">Client for the caller's side, Server for the serving side.</param>
    /// <param name="address">The endpoint's address.</param>
    /// <param name="transport">How the call travels: <c>in-process</c>, <c>nats</c> or <c>http</c>.</param>
    /// <param name="parent">The remote caller's context (serving side of a remote call); default for the current activity.</param>
    public static Call Start(ActivityKind kind, string address, string transport, ActivityContext parent = default)
    {
        var histogram = kind == ActivityKind.Server ? Rpc.ServerDuration : Rpc.ClientDuration;
        var measured = histogram.Enabled || (kind == ActivityKind.Server && (Rpc.ActiveCalls.Enabled || Rpc.StreamedItems.Enabled));
        if (!Source.HasListeners() && !measured)
        {
            return default;
        }

        var (service, method) = Split(address);
        // Under a server span of the host's own (ASP.NET Core's request), the serving side is an inner span: OpenTelemetry
        // advises against nesting SERVER spans. The metrics still count it as served.
        var activityKind = kind == ActivityKind.Server && parent == default && Activity.Current is { Kind: ActivityKind.Server } ? ActivityKind.Internal : kind;
        var activity = Source.HasListeners() ? Source.StartActivity(address, activityKind, parent) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SystemTag, RpcSystem);
            activity.SetTag(ServiceTag, service);
            activity.SetTag(MethodTag, method);
            activity.SetTag(TransportTag, transport);
        }

        var counted = kind == ActivityKind.Server && Rpc.ActiveCalls.Enabled;
        if (counted)
        {
            Rpc.ActiveCalls.Add(1, new KeyValuePair<string, object?>(ServiceTag, service), new KeyValuePair<string, object?>(MethodTag, method));
        }

        return new Call(activity, kind, service, method, transport, measured ? Stopwatch.GetTimestamp() : 0, counted);
    }

    /// <summary>Starts the activity of a refresh, or of one of its phases (<c>sprig.refresh.plan</c>, <c>.create</c>, <c>.start</c>); null when nobody listens.</summary>
    public static Activity? StartRefresh(string? phase = null) =>
        Source.HasListeners() ? Source.StartActivity(phase is null ? "sprig.refresh" : "sprig.refresh." + phase, ActivityKind.Internal) : null;

    /// <summary>Records a component's creation that took long, after the fact, as a <c>sprig.create</c> activity of the current phase.</summary>
    public static void Created(string component, DateTimeOffset started, DateTimeOffset ended)
    {
        using var activity = Source.StartActivity("sprig.create", ActivityKind.Internal, default(ActivityContext), startTime: started);
        activity?.SetTag("sprig.component", component);
        activity?.SetEndTime(ended.UtcDateTime);
    }

    /// <summary>Marks a refresh activity failed.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetTag(ErrorTag, exception.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
    }

    /// <summary>Reads the W3C trace context a remote caller sent, or <see langword="default"/> when there is none or it is malformed.</summary>
    public static ActivityContext Parent(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;

    /// <summary>Gets whether anybody listens: an activity listener on "Sprig", or a meter listener on its call durations.</summary>
    public static bool Enabled => Source.HasListeners() || Rpc.ClientDuration.Enabled || Rpc.ServerDuration.Enabled || Rpc.ActiveCalls.Enabled || Rpc.StreamedItems.Enabled;

    /// <summary>Runs a unary call inside its activity (Client or Server kind), recording a failure on it.</summary>
    public static async Task<T> Measured<T>(Func<Task<T>> call, ActivityKind kind, string address, string transport, ActivityContext parent = default)
    {
        using var measured = Start(kind, address, transport, parent);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            measured.Fail(ex);
            throw;
        }
    }

    /// <summary>
    /// Opens a stream inside its activity (Client or Server kind), which lasts as long as the enumeration and counts the items. A
    /// stream that fails to open (bad arguments) throws at once, as without tracing, and its activity records the failure.
    /// </summary>
    public static IAsyncEnumerable<T> Measured<T>(Func<IAsyncEnumerable<T>> open, ActivityKind kind, string address, string transport, ActivityContext parent = default,
        CancellationToken cancellationToken = default)
    {
        IAsyncEnumerable<T> items;
        try
        {
            items = open();
        }
        catch (Exception ex)
        {
            using var failed = Start(kind, address, transport, parent);
            failed.Fail(ex);
            throw;
        }

        return Enumerate(items, kind, address, transport, parent, cancellationToken);
    }

    private static async IAsyncEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> items, ActivityKind kind, string address, string transport, ActivityContext parent,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = Start(kind, address, transport, parent);
        long count = 0;
        try
        {
            await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex)
                {
                    call.Fail(ex);
                    throw;
                }

                count++;
                call.Item();
                yield return enumerator.Current;
            }
        }
        finally
        {
            // Also when the caller stops reading: the count is what was sent.
            call.Items(count);
        }
    }

    private static (string Service, string Method) Split(string address)
    {
        var slash = address.LastIndexOf('/');
        return slash > 0 ? (address[..slash], address[(slash + 1)..]) : (address, address);
    }

    /// <summary>One measured call: its activity (null when nobody traces) and its start time (0 when nobody measures).</summary>
    internal readonly struct Call(Activity? activity, ActivityKind kind, string service, string method, string transport, long started, bool counted) : IDisposable
    {
        private readonly StrongBox<string?> _error = new(null);

        /// <summary>Gets the call's activity, or null.</summary>
        public Activity? Activity => activity;

        /// <summary>Records a failure: the status code as <c>error.type</c>, the activity's status set to Error.</summary>
        public void Fail(Exception exception)
        {
            if (service is null)
            {
                return;
            }

            var status = exception switch
            {
                EndpointCallException call => call.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OperationCanceledException => "cancelled",
                _ => exception.GetType().FullName ?? "error",
            };
            _error.Value = status;
            activity?.SetTag(ErrorTag, status);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        }

        /// <summary>Counts one streamed item.</summary>
        public void Item()
        {
            if (service is not null && kind == ActivityKind.Server && Rpc.StreamedItems.Enabled)
            {
                Rpc.StreamedItems.Add(1, new KeyValuePair<string, object?>(ServiceTag, service), new KeyValuePair<string, object?>(MethodTag, method));
            }
        }

        /// <summary>Records how many items a stream sent.</summary>
        public void Items(long count) => activity?.SetTag(ItemsTag, count);

        public void Dispose()
        {
            if (service is null)
            {
                return;
            }

            if (started != 0)
            {
                var tags = new TagList
                {
                    { SystemTag, RpcSystem },
                    { ServiceTag, service },
                    { MethodTag, method },
                    { TransportTag, transport },
                };
                if (_error.Value is { } error)
                {
                    tags.Add(ErrorTag, error);
                }

                (kind == ActivityKind.Server ? Rpc.ServerDuration : Rpc.ClientDuration).Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            }

            // Only what this call added: a listener that attached meanwhile must not see the count go below zero.
            if (counted)
            {
                Rpc.ActiveCalls.Add(-1, new KeyValuePair<string, object?>(ServiceTag, service), new KeyValuePair<string, object?>(MethodTag, method));
            }

            activity?.Dispose();
        }
    }

    /// <summary>The meter and the RPC instruments, created when first used (a listener published later still sees them).</summary>
    private static class Rpc
    {
        public static readonly Meter Meter = new(Name, typeof(SprigTelemetry).Assembly.GetName().Version?.ToString());

        public static readonly Histogram<double> ClientDuration = Meter.CreateHistogram<double>(
            "rpc.client.duration", "ms", "The duration of endpoint calls, as the caller saw them.");

        public static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>(
            "rpc.server.duration", "ms", "The duration of endpoint calls, as the serving process ran them.");

        public static readonly UpDownCounter<long> ActiveCalls = Meter.CreateUpDownCounter<long>(
            "sprig.rpc.server.active_calls", "{call}", "Endpoint calls running in this process.");

        public static readonly Counter<long> StreamedItems = Meter.CreateCounter<long>(
            "sprig.rpc.server.streamed_items", "{item}", "Items sent by streaming endpoints.");
    }
}
