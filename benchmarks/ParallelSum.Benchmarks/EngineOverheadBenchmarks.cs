using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>
/// What the engine costs per grain and per range: 2^20 grains of one index whose body does nothing, under one static
/// block per processor (the cost of a grain: body call, tree fold, progress and cancellation checks) and under
/// one-grain dynamic chunks (plus a claimed, coverage-checked range per grain). Divide the mean by 2^20.
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    private const long Grains = 1 << 20;

    private static readonly ParallelRunOptions PerRange = new() { Partitioner = IndexRangePartitioners.DynamicChunks(1) };

    [Benchmark]
    public long EmptyGrains() => ParallelReduction.Reduce(Grains, 1, 0L, static range => range.Length, static (a, b) => a + b);

    [Benchmark]
    public long EmptyGrainsOneRangeEach() => ParallelReduction.Reduce(Grains, 1, 0L, static range => range.Length, static (a, b) => a + b, PerRange);
}
