using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>The four built-in strategies side by side, at a small and a large count, with allocations measured.</summary>
[MemoryDiagnoser]
public class StrategyBenchmarks
{
    private IGenerateAndSum _strategy = null!;
    private GenerateAndSumRequest _request = null!;

    /// <summary>The strategy under test, by its stable name.</summary>
    [ParamsSource(nameof(StrategyNames))]
    public string Strategy { get; set; } = "";

    /// <summary>How many values each call generates and sums.</summary>
    [Params(1_000, 100_000_000)]
    public long Count { get; set; }

    public static IEnumerable<string> StrategyNames => GenerateAndSumStrategies.Names;

    [GlobalSetup]
    public void Setup()
    {
        _strategy = GenerateAndSumStrategies.Create(Strategy);
        _request = new GenerateAndSumRequest(Count, 42);
    }

    [Benchmark]
    public Int128 GenerateAndSum() => _strategy.GenerateAndSumAsync(_request).GetAwaiter().GetResult().Sum;
}
