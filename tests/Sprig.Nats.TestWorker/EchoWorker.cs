using System.Runtime.CompilerServices;

namespace Sprig.Nats.TestWorker;

/// <summary>Serves <see cref="IEchoWorker"/>.</summary>
[Component(Namespace = "test")]
public sealed class EchoWorker : IEchoWorker
{
    /// <inheritdoc/>
    public Task<string> Echo(string text) => Task.FromResult(text);

    /// <inheritdoc/>
    public ValueTask<int> Add(int a, int b, CancellationToken cancellationToken = default) => ValueTask.FromResult(a + b);

    /// <inheritdoc/>
    public Task Touch(string tag)
    {
        WorkerState.Say($"TOUCHED {tag}");
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<int> WhoAmI() => Task.FromResult(Environment.ProcessId);

    /// <inheritdoc/>
    public async IAsyncEnumerable<int> Count(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string> Fail(string message) => throw new InvalidOperationException(message);

    /// <inheritdoc/>
    public Task<int> Measure(string text) => Task.FromResult(text.Length);

    /// <inheritdoc/>
    public Task<string> Make(int length) => Task.FromResult(new string('x', length));
}
