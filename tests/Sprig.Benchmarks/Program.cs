using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Sprig.Benchmarks;

// dotnet run -c Release --project tests/Sprig.Benchmarks -- --short       every case, ShortRun, then retained memory (< 5 min on 2 cores)
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --filter '*'  every case with BenchmarkDotNet's default job
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --memory      retained memory per component only
// Any other arguments go to BenchmarkSwitcher (--filter, --list flat, --job, ...).
if (args is ["--memory-one", var name, var size])
{
    RetainedMemory.RunOne(name, int.Parse(size, CultureInfo.InvariantCulture));
    return;
}

if (args is ["--memory"])
{
    RetainedMemory.RunAll(10_000);
    return;
}

var isShort = args.Contains("--short");
var rest = args.Where(a => a != "--short").ToArray();
IConfig? config = null;
if (isShort)
{
    // One launch, 3 warm-up and 3 measured iterations of ~150 ms (Refresh: 1 warm-up, one operation per iteration):
    // medians of three, enough for ratios, not for small differences.
    config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(150)).AsDefault());
    if (!rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)))
    {
        rest = [.. rest, "--filter", "*"];
    }
}

BenchmarkSwitcher.FromAssembly(typeof(ResolutionBenchmarks).Assembly).Run(rest, config);

if (isShort)
{
    RetainedMemory.RunAll(10_000);
}
