namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// Upper bounds for waits on signals from other processes. They only bound a wait for something that must happen (a line, an
/// exit, an answer), so that a broken build fails instead of hanging; none of them paces a test.
/// </summary>
internal static class Deadlines
{
    /// <summary>A worker process printing READY: dotnet start-up, refresh and connecting, on a busy two-core machine.</summary>
    public static readonly TimeSpan WorkerReady = TimeSpan.FromSeconds(60);

    /// <summary>nats-server accepting connections.</summary>
    public static readonly TimeSpan ServerReady = TimeSpan.FromSeconds(15);

    /// <summary>A line the worker prints in answer to something the test did.</summary>
    public static readonly TimeSpan Line = TimeSpan.FromSeconds(20);

    /// <summary>A call that should complete (the default request timeout is 30 s; this is above it, so a timeout shows as 504).</summary>
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(45);

    /// <summary>A process exiting after it was told to stop or was killed.</summary>
    public static readonly TimeSpan Exit = TimeSpan.FromSeconds(20);
}
