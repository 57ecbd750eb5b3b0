using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sprig.Tests.Shared;

/// <summary>
/// Records the activities of Sprig's source. Activity listeners are process-wide and tests run in parallel, so a test opens a
/// root activity of its own and reads only the activities of that root's trace.
/// </summary>
internal sealed class TraceCollector : IDisposable
{
    private static readonly ActivitySource Tests = new("Sprig.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    /// <summary>Listens to Sprig's source, the tests' own, and <paramref name="others"/> (e.g. "Microsoft.AspNetCore").</summary>
    public TraceCollector(params string[] others)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Sprig" or "Sprig.Tests" || others.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts the test's root activity; calls made under it belong to its trace.</summary>
    public static Activity Root() => Tests.StartActivity("test")!;

    /// <summary>Gets Sprig's finished activities of one trace, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId trace) => [.. _stopped.Where(a => a.TraceId == trace && a.Source.Name == "Sprig")];

    /// <summary>Gets the finished activities of one trace from every source listened to.</summary>
    public IReadOnlyList<Activity> OfAnySource(ActivityTraceId trace) => [.. _stopped.Where(a => a.TraceId == trace && a.Source.Name != "Sprig.Tests")];

    /// <summary>Gets every finished activity of Sprig's source, of any trace.</summary>
    public IReadOnlyList<Activity> All => [.. _stopped.Where(a => a.Source.Name == "Sprig")];

    public void Dispose() => _listener.Dispose();
}
