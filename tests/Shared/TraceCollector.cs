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

    public TraceCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Sprig" or "Sprig.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts the test's root activity; calls made under it belong to its trace.</summary>
    public static Activity Root() => Tests.StartActivity("test")!;

    /// <summary>Gets Sprig's finished activities of one trace, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId trace) => [.. _stopped.Where(a => a.TraceId == trace && a.Source.Name == "Sprig")];

    /// <summary>Gets every finished activity of Sprig's source, of any trace.</summary>
    public IReadOnlyList<Activity> All => [.. _stopped.Where(a => a.Source.Name == "Sprig")];

    public void Dispose() => _listener.Dispose();
}
