using System.Diagnostics;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// Waits for a state of another process that has no event of its own (a server that has unsubscribed, a client that has
/// reconnected) by asking again until the answer changes, within a deadline. Each try is a real call whose answer is the
/// observation; the pause between tries only keeps the loop from spinning.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Repeats <paramref name="call"/> until it throws an <see cref="EndpointCallException"/> with <paramref name="status"/>.</summary>
    public static async Task<EndpointCallException> ThrowsAsync(Func<Task> call, int status, string what, Func<string> describe, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no try";
        while (deadline.Elapsed < (within ?? Deadlines.Line))
        {
            try
            {
                await call().WaitAsync(Deadlines.Call);
                last = "it succeeded";
            }
            catch (EndpointCallException ex) when (ex.StatusCode == status)
            {
                return ex;
            }
            catch (EndpointCallException ex)
            {
                last = $"it failed with {ex.StatusCode}: {ex.Message}";
            }

            await Task.Delay(Pause);
        }

        throw new TimeoutException($"Waited {deadline.Elapsed.TotalSeconds:0.#} s for {what} (a call failing with {status}); the last try: {last}.\n{describe()}");
    }

    /// <summary>Repeats <paramref name="call"/> until it succeeds, and returns its result.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> call, string what, Func<string> describe, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no try";
        while (deadline.Elapsed < (within ?? Deadlines.Line))
        {
            try
            {
                return await call().WaitAsync(Deadlines.Call);
            }
            catch (EndpointCallException ex)
            {
                last = $"it failed with {ex.StatusCode}: {ex.Message}";
            }

            await Task.Delay(Pause);
        }

        throw new TimeoutException($"Waited {deadline.Elapsed.TotalSeconds:0.#} s for {what}; the last try: {last}.\n{describe()}");
    }
}
