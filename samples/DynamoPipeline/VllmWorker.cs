using System.Runtime.CompilerServices;
using Sprig;

namespace DynamoPipeline;

/// <summary>The model worker: a streaming endpoint producing (fake) tokens, like Dynamo's vLLM worker.</summary>
[Component(Namespace = "dynamo")]
public class VllmWorker : IVllmWorker
{
    [Value(Default = "tiny-fake-llm")]
    public string ModelPath { get; set; } = "";

    /// <inheritdoc/>
    public async IAsyncEnumerable<string> Generate(string prompt, int maxTokens = 8, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var words = $"{ModelPath} says: {prompt} is a fine prompt and here are some tokens".Split(' ');
        for (var i = 0; i < Math.Min(maxTokens, words.Length); i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return words[i];
        }
    }
}
