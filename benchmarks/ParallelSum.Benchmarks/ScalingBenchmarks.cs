using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>Strong scaling: the same 1e8 values on one worker and on two, for every partitioned strategy.</summary>
public class ScalingBenchmarks
{
    private GenerateAndSumStrategy _strategy = null!;
    private readonly GenerateAndSumRequest _request = new(100_000_000, 42);

    [Params(ParallelForStrategy.StrategyName, SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName)]
    public string Strategy { get; set; } = "";

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup() => _strategy = GenerateAndSumStrategies.Create(Strategy, new ParallelRunOptions { MaxDegreeOfParallelism = Workers });

    [Benchmark]
    public Int128 GenerateAndSum() => _strategy.GenerateAndSumAsync(_request).GetAwaiter().GetResult().Sum;
}
