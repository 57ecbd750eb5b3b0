namespace Sprig.Nats.LoadTest;

/// <summary>The contract measured: a tiny unary call, a stream of small items, and a CPU-bound call.</summary>
[ComponentContract(Namespace = "load")]
public interface ICalculator
{
    /// <summary>Adds two numbers.</summary>
    Task<int> Add(int a, int b);

    /// <summary>Streams 0 .. count-1.</summary>
    IAsyncEnumerable<int> Count(int count);

    /// <summary>Burns CPU for a fixed amount of work and returns a checksum.</summary>
    Task<long> Work(int rounds);
}
