namespace Sprig.Nats.LoadTest;

/// <summary>The served implementation of <see cref="ICalculator"/>.</summary>
[Component(Namespace = "load")]
public sealed class Calculator : ICalculator
{
    public Task<int> Add(int a, int b) => Task.FromResult(a + b);

    public async IAsyncEnumerable<int> Count(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> Work(int rounds) => Task.FromResult(Burn(rounds));

    /// <summary>A fixed amount of CPU work with a result the JIT cannot drop.</summary>
    public static long Burn(int rounds)
    {
        var x = 1L;
        for (var i = 0; i < rounds; i++)
        {
            x = (x * 6364136223846793005L) + 1442695040888963407L;
        }

        return x;
    }
}
