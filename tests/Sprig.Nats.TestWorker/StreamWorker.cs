using System.Runtime.CompilerServices;

namespace Sprig.Nats.TestWorker;

/// <summary>Serves <see cref="IStreamWorker"/>.</summary>
/// <param name="state">The worker's counters.</param>
[Component(Namespace = "test")]
public sealed class StreamWorker(WorkerState state) : IStreamWorker
{
    /// <inheritdoc/>
    public async IAsyncEnumerable<int> Produce(string tag, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Increment($"produced:{tag}");
            yield return i;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<int> Produced(string tag) => Task.FromResult(state.Count($"produced:{tag}"));
}
