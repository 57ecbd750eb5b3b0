using System.Runtime.CompilerServices;

namespace Sprig.Nats.Tests.Support;

/// <summary>The component the end-to-end tests serve over NATS, at nt/Calc/*.</summary>
[Component("Calc", Namespace = "nt")]
public sealed class Calculator(Probe probe)
{
    [Endpoint]
    public int Add(int a, int b)
    {
        Interlocked.Increment(ref probe.Calls);
        return a + b;
    }

    [Endpoint]
    public string Echo(string text) => text;

    [Endpoint]
    public Task Nothing() => Task.CompletedTask;

    [Endpoint]
    public int Fail() => throw new InvalidOperationException("The calculator's battery is flat.");

    [Endpoint]
    public async IAsyncEnumerable<int> Count(int n, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < n; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [Endpoint]
    public async Task<int> Hold(CancellationToken cancellationToken)
    {
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }

    [Endpoint]
    public async Task<int> Slow(CancellationToken cancellationToken)
    {
        probe.Started.TrySetResult();
        try
        {
            await probe.Release.Task.WaitAsync(cancellationToken);
            return 1;
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
    }

    [Endpoint]
    public async IAsyncEnumerable<int> Endless([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => probe.Cancelled.TrySetResult());
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            Interlocked.Increment(ref probe.Produced);
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
