using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Sprig.Benchmarks;

// dotnet run -c Release --project tests/Sprig.Benchmarks -- --short       every case, ShortRun, then retained memory (< 5 min on 2 cores)
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --filter '*'  every case with BenchmarkDotNet's default job
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --memory      retained memory per component only, at 1,000 and 10,000
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --memory 500 5000   ... at other sizes
// --no-memory with --short skips the retained-memory table (for filtered runs)
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --loop runner 10   one case in a plain loop, for a profiler (see ProfileLoop)
// Any other arguments go to BenchmarkSwitcher (--filter, --list flat, --job, ...).
// dotnet run -c Release --project tests/Sprig.Benchmarks -- --refresh-loop 10000 [--collect]   case 8 side by side, process level
if (args is ["--refresh-loop", var loopSize, .. var loopOptions])
{
    RefreshLoop.Run(int.Parse(loopSize, CultureInfo.InvariantCulture), rounds: 15, collect: loopOptions.Contains("--collect"));
    return;
}

if (args is ["--memory-one", var name, var size])
{
    RetainedMemory.RunOne(name, int.Parse(size, CultureInfo.InvariantCulture));
    return;
}

if (args is ["--loop", var loopCase, var seconds])
{
    ProfileLoop.Run(loopCase, double.Parse(seconds, CultureInfo.InvariantCulture));
    return;
}

if (args is ["--memory", .. var sizes])
{
    // --memory [N ...]: retained memory per component at each N (default 1,000 and 10,000).
    RetainedMemory.RunAll(sizes.Length == 0 ? RetainedMemory.DefaultCounts : [.. sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
    return;
}

var isShort = args.Contains("--short");
var rest = args.Where(a => a != "--short" && a != "--no-memory").ToArray();
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

if (isShort && !args.Contains("--no-memory"))
{
    RetainedMemory.RunAll(RetainedMemory.DefaultCounts);
}
