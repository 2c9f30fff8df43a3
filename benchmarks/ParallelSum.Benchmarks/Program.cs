using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ParallelSum.Benchmarks.StrategyBenchmarks).Assembly).Run(args);
