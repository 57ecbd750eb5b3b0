using System.Runtime.CompilerServices;
using Sprig;

namespace DynamoPipeline;

/// <summary>
/// The middle stage: numbers the worker's tokens. It depends on the worker's contract, like Dynamo's <c>depends(VllmWorker)</c>:
/// the worker in this process, or a remote proxy when the worker runs in another one.
/// </summary>
[Component(Namespace = "dynamo")]
public class Processor(IVllmWorker worker)
{
    [Endpoint("process")]
    public async IAsyncEnumerable<string> Process(string prompt, int maxTokens = 8, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var token in worker.Generate(prompt, maxTokens, cancellationToken))
        {
            yield return $"{index++}:{token}";
        }
    }
}
