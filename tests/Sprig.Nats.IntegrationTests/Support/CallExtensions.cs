namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>Awaits calls that must succeed, bounded, and says what the workers printed when one does not.</summary>
internal static class CallExtensions
{
    /// <summary>Awaits a call that must succeed; a failure or a hang fails the test with the workers' output.</summary>
    public static async Task<T> Answer<T>(this Task<T> call, params WorkerProcess[] workers)
    {
        try
        {
            return await call.WaitAsync(Deadlines.Call);
        }
        catch (Exception ex) when (ex is EndpointCallException or TimeoutException)
        {
            throw new InvalidOperationException($"A call that must succeed failed: {ex.GetType().Name}: {ex.Message}\n{string.Join("\n", workers.Select(w => w.Describe()))}", ex);
        }
    }

    /// <summary>Awaits a call without a result that must succeed.</summary>
    public static async Task Answer(this Task call, params WorkerProcess[] workers) =>
        await Answer(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), workers);

    /// <summary>Awaits a ValueTask call that must succeed.</summary>
    public static Task<T> Answer<T>(this ValueTask<T> call, params WorkerProcess[] workers) => call.AsTask().Answer(workers);
}
