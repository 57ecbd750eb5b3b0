using System.Collections.Concurrent;

namespace Sprig.Nats.TestWorker;

/// <summary>
/// What the worker's endpoints share with the test that drives them: gates the test opens through stdin, counters, and how many
/// calls of each gate are in flight. Lines written with <see cref="Say"/> go to stdout, which the test reads.
/// </summary>
public sealed class WorkerState
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Writes one line to stdout (Console.Out is synchronized and flushes every line).</summary>
    public static void Say(string line) => Console.Out.WriteLine(line);

    /// <summary>Returns the gate of a name; held calls wait on it.</summary>
    public SemaphoreSlim Gate(string name) => _gates.GetOrAdd(name, _ => new SemaphoreSlim(0));

    /// <summary>Lets <paramref name="count"/> calls waiting on a gate go (or the next ones to arrive).</summary>
    public void Release(string name, int count) => Gate(name).Release(count);

    /// <summary>Adds one to a counter and returns the new value.</summary>
    public int Increment(string counter) => _counters.AddOrUpdate(counter, 1, (_, n) => n + 1);

    /// <summary>Returns a counter's value.</summary>
    public int Count(string counter) => _counters.GetValueOrDefault(counter);

    /// <summary>Counts a call of a gate as in flight until the result is disposed.</summary>
    /// <param name="gate">The gate.</param>
    /// <param name="now">How many calls of the gate are in flight, this one included.</param>
    public IDisposable Enter(string gate, out int now)
    {
        var inFlight = _inFlight.GetOrAdd(gate, _ => new InFlight());
        now = inFlight.Enter();
        return inFlight;
    }

    /// <summary>The most calls of a gate that were in flight at once.</summary>
    public int Peak(string gate) => _inFlight.TryGetValue(gate, out var inFlight) ? inFlight.Peak : 0;

    private sealed class InFlight : IDisposable
    {
        private int _now;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public int Enter()
        {
            var now = Interlocked.Increment(ref _now);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            return now;
        }

        public void Dispose() => Interlocked.Decrement(ref _now);
    }
}
