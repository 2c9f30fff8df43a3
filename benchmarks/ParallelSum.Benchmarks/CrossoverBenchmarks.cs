using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>
/// Where spreading the work over cores starts to pay: one worker inline (auto's small-count path) against streaming on every
/// processor, at counts around the crossover. <see cref="AutoStrategy.DefaultParallelThreshold"/> comes from this benchmark.
/// </summary>
[MemoryDiagnoser]
public class CrossoverBenchmarks
{
    private readonly AutoStrategy _inline = new(parallelThreshold: long.MaxValue);
    private readonly StreamingStrategy _parallel = new();
    private GenerateAndSumRequest _request = null!;

    [Params(1 << 12, 1 << 13, 3 << 12, 1 << 14, 1 << 15, 1 << 17, 1 << 20)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _request = new GenerateAndSumRequest(Count, 42);

    [Benchmark(Baseline = true)]
    public Int128 Inline() => _inline.GenerateAndSumAsync(_request).GetAwaiter().GetResult().Sum;

    [Benchmark]
    public Int128 AllProcessors() => _parallel.GenerateAndSumAsync(_request).GetAwaiter().GetResult().Sum;
}
