using System.Runtime.CompilerServices;

namespace Sprig.Nats.TestWorker;

/// <summary>Serves <see cref="IHoldWorker"/>.</summary>
/// <param name="state">The worker's gates and counters.</param>
[Component(Namespace = "test")]
public sealed class HoldWorker(WorkerState state) : IHoldWorker
{
    /// <inheritdoc/>
    public async Task<HoldResult> Hold(string gate)
    {
        await HeldAsync(gate);
        return new HoldResult(Environment.ProcessId, state.Increment($"finished:{gate}"));
    }

    /// <inheritdoc/>
    public Task<int> Peak(string gate) => Task.FromResult(state.Peak(gate));

    /// <inheritdoc/>
    public Task<int> Starts(string gate) => Task.FromResult(state.Count($"started:{gate}"));

    /// <inheritdoc/>
    public async Task<int> HoldIdempotent(string gate)
    {
        await HeldAsync(gate);
        return Environment.ProcessId;
    }

    /// <inheritdoc/>
    public async Task<int> HoldOnce(string gate)
    {
        await HeldAsync(gate);
        return Environment.ProcessId;
    }

    /// <inheritdoc/>
    public async Task AwaitCancel(string tag, CancellationToken cancellationToken)
    {
        WorkerState.Say($"STARTED {tag} {Environment.ProcessId}");
        await AwaitCancellationAsync(tag, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<int> StreamThenAwaitCancel(string tag, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        WorkerState.Say($"STARTED {tag} {Environment.ProcessId}");
        await AwaitCancellationAsync(tag, cancellationToken);
    }

    private async Task HeldAsync(string gate)
    {
        using (state.Enter(gate, out var inFlight))
        {
            state.Increment($"started:{gate}");
            WorkerState.Say($"STARTED {gate} {Environment.ProcessId} {inFlight}");
            await state.Gate(gate).WaitAsync();
        }
    }

    private static async Task AwaitCancellationAsync(string tag, CancellationToken cancellationToken)
    {
        // The time is taken in the token's callback, i.e. the moment the cancellation reached this process.
        var fired = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => fired.TrySetResult(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())))
        {
            var at = await fired.Task;
            WorkerState.Say($"CANCELLED {tag} {at}");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
