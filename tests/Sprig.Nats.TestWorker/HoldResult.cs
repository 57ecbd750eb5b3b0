namespace Sprig.Nats.TestWorker;

/// <summary>The answer of <see cref="IHoldWorker.Hold"/>.</summary>
/// <param name="ProcessId">The worker that ran the call.</param>
/// <param name="Finished">1 for the first call of the gate to finish in that worker, 2 for the second, ...</param>
public sealed record HoldResult(int ProcessId, int Finished);
