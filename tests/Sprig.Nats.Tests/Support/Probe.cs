namespace Sprig.Nats.Tests.Support;

/// <summary>Signals from the serving side's endpoints to the test: a call started, a call saw its token cancelled.</summary>
public sealed class Probe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes <see cref="Calculator.Slow"/>.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;

    public int Produced;
}
