using System.Text.Json;

namespace Sprig.Tests.Shared;

/// <summary>Reads a string stream and cancels the caller's token part-way: what cancelling a streaming endpoint's call does.</summary>
internal static class StreamCancellation
{
    /// <summary>
    /// Enumerates the stream <paramref name="open"/> opens with a token it then cancels after <paramref name="count"/> items;
    /// returns the items read and what the enumeration threw (null when it ended normally).
    /// </summary>
    public static async Task<(List<string?> Received, Exception? Failure)> CancelAfterAsync(Func<CancellationToken, IAsyncEnumerable<JsonElement>> open, int count)
    {
        using var cancellation = new CancellationTokenSource();
        var received = new List<string?>();
        try
        {
            await foreach (var item in open(cancellation.Token))
            {
                received.Add(item.GetString());
                if (received.Count == count)
                {
                    await cancellation.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException ex)
        {
            return (received, ex);
        }

        return (received, null);
    }
}
