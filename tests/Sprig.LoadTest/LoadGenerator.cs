using System.Diagnostics;
using System.Net.Http.Json;

namespace Sprig.LoadTest;

/// <summary>Sends a fixed number of requests from a fixed number of concurrent clients and measures requests per second.</summary>
internal static class LoadGenerator
{
    public static async Task<double> RunAsync(HttpClient client, string path, int requests, int concurrency)
    {
        var next = -1;
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var response = await client.PostAsJsonAsync(path, new { a = 2, b = 3 });
                if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<int>() != 5)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        stopwatch.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {requests} requests to {path} failed.");
        }

        return requests / stopwatch.Elapsed.TotalSeconds;
    }
}
