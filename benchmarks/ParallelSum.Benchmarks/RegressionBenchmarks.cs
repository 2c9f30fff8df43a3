using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>
/// The figures that must not regress, in a class that also builds against earlier versions of the library (the
/// <c>Async</c> benchmark uses only their API), so two versions can be measured side by side: streaming from 10^3 to 10^9
/// values (allocation must stay flat in count) and auto at 1000 values.
/// </summary>
[MemoryDiagnoser]
public class RegressionBenchmarks
{
    private GenerateAndSumStrategy _strategy = null!;
    private GenerateAndSumRequest _request = null!;

    /// <summary>A strategy and a count, as <c>name@count</c>.</summary>
    [Params("auto@1000", "streaming@1000", "streaming@1000000", "streaming@100000000", "streaming@1000000000")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup() => (_strategy, _request) = StrategyCase.Parse(Case);

    [Benchmark]
    public Int128 Async() => _strategy.GenerateAndSumAsync(_request).GetAwaiter().GetResult().Sum;

    [Benchmark]
    public Int128 Sync() => _strategy.GenerateAndSum(_request).Sum;
}
