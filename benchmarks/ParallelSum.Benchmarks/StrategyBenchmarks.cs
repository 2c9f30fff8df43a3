using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>Every built-in strategy side by side at 1e3, 1e6 and 1e8 values (1e9 for the ones that store nothing), allocations measured.</summary>
[MemoryDiagnoser]
public class StrategyBenchmarks
{
    private GenerateAndSumStrategy _strategy = null!;
    private GenerateAndSumRequest _request = null!;

    /// <summary>A strategy and a count, as <c>name@count</c>.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> Cases()
    {
        foreach (string name in GenerateAndSumStrategies.Names)
        {
            foreach (long count in new[] { 1_000L, 1_000_000L, 100_000_000L })
            {
                yield return $"{name}@{count}";
            }

            if (name is SimdChunksStrategy.StrategyName or StreamingStrategy.StrategyName or AutoStrategy.StrategyName)
            {
                yield return $"{name}@1000000000";
            }
        }
    }

    [GlobalSetup]
    public void Setup() => (_strategy, _request) = StrategyCase.Parse(Case);

    [Benchmark]
    public Int128 GenerateAndSum() => _strategy.GenerateAndSum(_request).Sum;
}
