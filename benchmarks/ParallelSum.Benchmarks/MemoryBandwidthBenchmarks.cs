using BenchmarkDotNet.Attributes;

namespace ParallelSum.Benchmarks;

/// <summary>
/// What memory alone allows for 1e8 ints (400 MB): a plain copy and a plain fill of the same bytes, the ceiling for
/// strategies that store every value (naive-list, parallel-for). Compare their time at 1e8 with these.
/// </summary>
public class MemoryBandwidthBenchmarks
{
    private const int Count = 100_000_000;
    private int[] _source = null!;
    private int[] _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = new int[Count];
        _target = new int[Count];
        Array.Fill(_source, 7);
        Array.Fill(_target, 1);
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _source.AsSpan().CopyTo(_target);

    [Benchmark]
    public void Fill() => _target.AsSpan().Fill(3);

    [Benchmark]
    public void FreshArrayFill() => GC.AllocateUninitializedArray<int>(Count).AsSpan().Fill(3);
}
