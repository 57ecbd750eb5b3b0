namespace Sprig.Nats.TestWorker;

/// <summary>The contract of the component "test/StreamWorker": a long stream whose producer a test can watch.</summary>
[ComponentContract(Namespace = "test")]
public interface IStreamWorker
{
    /// <summary>Streams 0 .. count-1, counting each item as produced just before it is handed to the transport.</summary>
    IAsyncEnumerable<int> Produce(string tag, int count, CancellationToken cancellationToken = default);

    /// <summary>How many items <see cref="Produce"/> has produced for <paramref name="tag"/> so far.</summary>
    Task<int> Produced(string tag);
}
