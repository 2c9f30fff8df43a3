using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// --smoke: every benchmark class once, in process, at its smallest size, with no timing of any meaning: what CI runs.
if (args.Contains("--smoke"))
{
    var smoke = ManualConfig.CreateMinimumViable()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .AddFilter(new SimpleFilter(b => b.Descriptor.Type == typeof(ParallelSum.Benchmarks.KernelBenchmarks)
            || (b.Descriptor.Type == typeof(ParallelSum.Benchmarks.StrategyBenchmarks) && b.Parameters["Case"] is string c && c.EndsWith("@1000", StringComparison.Ordinal))
            || (b.Descriptor.Type == typeof(ParallelSum.Benchmarks.ExactSumBenchmarks) && b.Parameters["Count"] is 1_000_000)));
    var summaries = BenchmarkRunner.Run(typeof(ParallelSum.Benchmarks.StrategyBenchmarks).Assembly, smoke);
    return summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success)) ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(ParallelSum.Benchmarks.StrategyBenchmarks).Assembly).Run(args);
return 0;
