using Sprig;

namespace DynamoPipeline;

/// <summary>
/// The worker's contract: what the processor calls. In one process the processor gets the <see cref="VllmWorker"/> itself; when
/// the worker runs elsewhere, a proxy that calls it over NATS (or HTTP).
/// </summary>
[ComponentContract(Namespace = "dynamo")]
public interface IVllmWorker
{
    /// <summary>Streams the tokens generated for a prompt.</summary>
    [Endpoint("generate")]
    IAsyncEnumerable<string> Generate(string prompt, int maxTokens = 8, CancellationToken cancellationToken = default);
}
