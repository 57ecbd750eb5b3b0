using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;

namespace Sprig.Benchmarks;

/// <summary>An endpoint that does almost nothing, so the cost of the call path shows.</summary>
[Component(Namespace = "bench")]
public sealed class Adder
{
    [Endpoint("add")]
    public int Add(int a, int b) => a + b;
}

/// <summary>
/// In-process <c>ctx.Endpoints.InvokeAsync</c>: with nobody listening to Sprig's activities and metrics (the telemetry must
/// cost nothing), and with an activity listener that records everything (what tracing costs); with the default governance
/// (retries, the serving side's concurrency limit) and with every governance setting off.
/// </summary>
[MemoryDiagnoser]
public class EndpointCallBenchmarks
{
    private readonly JsonElement _arguments = JsonSerializer.SerializeToElement(new { a = 1, b = 2 });
    private ApplicationContext _context = null!;
    private ActivityListener? _listener;

    [Params(false, true)]
    public bool Traced { get; set; }

    [Params(false, true)]
    public bool Governed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var off = new Dictionary<string, string?>
        {
            ["Sprig:Governance:Defaults:Retries"] = "-1",
            ["Sprig:Governance:Defaults:MaxConcurrency"] = "-1",
        };
        _context = new ApplicationContext(
            new PendingRegistry().Register<Adder>(), new ConfigurationBuilder().AddInMemoryCollection(Governed ? [] : off).Build());
        _context.Refresh();
        if (Traced)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Sprig",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _context.Dispose();
    }

    [Benchmark]
    public Task<JsonElement> Invoke() => _context.Endpoints.InvokeAsync("bench/Adder/add", _arguments);
}
