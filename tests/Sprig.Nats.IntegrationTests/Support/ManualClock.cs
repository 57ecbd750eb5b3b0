namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A clock whose current time stands still until the test moves it: the circuit breaker reads the time from it (when a circuit
/// opened, when it may half-open), so a test opens a circuit whatever the machine's load and lets its break pass with
/// <see cref="Advance"/> instead of sleeping. Timers and timestamps stay the system's, so retry backoff and timeouts run as usual.
/// Registered as a component of the calling context, governance takes it as its <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly object _lock = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }
}
