using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig;

namespace DynamoPipeline;

/// <summary>The middle stage: calls the worker through the endpoint catalog (by address, as a remote caller would) and numbers the tokens.</summary>
[Component(Namespace = "dynamo")]
public class Processor(ApplicationContext context)
{
    [Endpoint("process")]
    public async IAsyncEnumerable<string> Process(string prompt, int maxTokens = 8, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var arguments = JsonSerializer.SerializeToElement(new { prompt, maxTokens });
        var index = 0;
        await foreach (var token in context.Endpoints.StreamAsync("dynamo/VllmWorker/generate", arguments, cancellationToken))
        {
            yield return $"{index++}:{token.GetString()}";
        }
    }
}
