using System.Text.Json;

namespace Sprig.Endpoints;

/// <summary>Turns Task and ValueTask (no result) into the undefined JSON element once they complete.</summary>
internal static class EndpointResults
{
    public static ValueTask<JsonElement> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task);

    public static ValueTask<JsonElement> FromValueTask(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            return AwaitAsync(task.AsTask());
        }

        // Consuming the result releases a pooled IValueTaskSource behind the ValueTask.
        task.GetAwaiter().GetResult();
        return default;
    }

    private static async ValueTask<JsonElement> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
