using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;

namespace Sprig.Benchmarks;

/// <summary>A contract another process serves; the benchmark's transport answers at once, so what is measured is Sprig's side.</summary>
[ComponentContract(Namespace = "far")]
public interface IFarAdder
{
    Task<int> AddAsync(int a, int b);

    IAsyncEnumerable<int> CountAsync(int n);
}

/// <summary>A transport that answers every call at once, in memory: the cost of a remote call without the network.</summary>
public sealed class InstantTransport : IEndpointTransport
{
    private static readonly JsonElement Three = JsonSerializer.SerializeToElement(3);

    public string Name => "Instant";

    public bool Carries(string componentNamespace, string component) => componentNamespace == "far";

    public Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken) => Task.FromResult(Three);

    public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100; i++)
        {
            yield return Three;
        }

        await Task.CompletedTask;
    }
}

/// <summary>
/// A contract proxy's call to another process through a transport that answers at once, with the default governance of remote
/// calls (timeout, retries, circuit breaker) and with governance off: what governance adds to each remote call, and to a stream
/// of 100 items, apart from the network.
/// </summary>
[MemoryDiagnoser]
public class RemoteCallBenchmarks
{
    private IFarAdder _adder = null!;
    private ApplicationContext _context = null!;

    [Params(false, true)]
    public bool Governed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var off = new Dictionary<string, string?>
        {
            ["Sprig:Governance:Defaults:TimeoutMs"] = "-1",
            ["Sprig:Governance:Defaults:Retries"] = "-1",
            ["Sprig:Governance:Defaults:BreakAfterFailures"] = "-1",
        };
        _context = new ApplicationContext(
            new PendingRegistry().RegisterInstance("transport", new InstantTransport()), new ConfigurationBuilder().AddInMemoryCollection(Governed ? [] : off).Build());
        _context.Refresh();
        _adder = _context.Get<IFarAdder>();
    }

    [GlobalCleanup]
    public void Cleanup() => _context.Dispose();

    [Benchmark]
    public Task<int> Invoke() => _adder.AddAsync(1, 2);

    [Benchmark]
    public async Task<int> Stream100()
    {
        var sum = 0;
        await foreach (var item in _adder.CountAsync(100))
        {
            sum += item;
        }

        return sum;
    }
}
