using System.Text.Json;
using Sprig;
using Sprig.Web;

namespace DynamoPipeline;

/// <summary>The HTTP front door: a controller that hands requests to the processor through the endpoint catalog.</summary>
[Controller(Url = "/api")]
public class Frontend(ApplicationContext context)
{
    public sealed record Completion(string Prompt, IReadOnlyList<string> Tokens);

    /// <summary>Collects the whole stream: <c>GET /api/complete?prompt=hello</c>.</summary>
    [Get("/complete")]
    public async Task<Completion> Complete(string prompt, int maxTokens = 8, CancellationToken cancellationToken = default)
    {
        var tokens = new List<string>();
        var arguments = JsonSerializer.SerializeToElement(new { prompt, maxTokens });
        await foreach (var token in context.Endpoints.StreamAsync("dynamo/Processor/process", arguments, cancellationToken))
        {
            tokens.Add(token.GetString()!);
        }

        return new Completion(prompt, tokens);
    }
}
