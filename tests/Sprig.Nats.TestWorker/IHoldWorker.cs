namespace Sprig.Nats.TestWorker;

/// <summary>
/// The contract of the component "test/HoldWorker": calls that stay in flight until the test lets them go, so that a test can
/// observe concurrency, kill a worker mid-call, or cancel a call, without sleeping. Each held call prints
/// "STARTED {gate} {pid} {calls of the gate in flight}" when it starts and waits until the test writes
/// "release {gate} {count}" to the worker's stdin.
/// </summary>
[ComponentContract(Namespace = "test")]
public interface IHoldWorker
{
    /// <summary>Holds until released; returns the worker's pid and the order in which the call finished.</summary>
    Task<HoldResult> Hold(string gate);

    /// <summary>The most calls of <paramref name="gate"/> that were in flight at once in this process.</summary>
    Task<int> Peak(string gate);

    /// <summary>How many held calls of <paramref name="gate"/> started in this process.</summary>
    Task<int> Starts(string gate);

    /// <summary>Holds until released, then returns the pid; safe to run twice, so a transport may retry it elsewhere.</summary>
    [Endpoint(Idempotent = true)]
    Task<int> HoldIdempotent(string gate);

    /// <summary>Holds until released, then returns the pid; not safe to run twice.</summary>
    Task<int> HoldOnce(string gate);

    /// <summary>
    /// Prints "STARTED {tag} {pid}" and waits for its cancellation token; when it fires, prints "CANCELLED {tag} {unix ms}"
    /// (the moment the token fired) and ends cancelled.
    /// </summary>
    Task AwaitCancel(string tag, CancellationToken cancellationToken);

    /// <summary>Streams 0 .. count-1, then waits like <see cref="AwaitCancel"/> (printing "STARTED" after the last item).</summary>
    IAsyncEnumerable<int> StreamThenAwaitCancel(string tag, int count, CancellationToken cancellationToken);
}
