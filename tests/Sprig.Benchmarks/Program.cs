using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Sprig.Benchmarks.ResolutionBenchmarks).Assembly).Run(args);
