using BenchmarkDotNet.Attributes;
using ParallelSum.Kernels;

namespace ParallelSum.Benchmarks;

/// <summary>One core, one kernel: each vector width's fused sum and fill over 2^20 values (4 MiB filled, so it stays in cache).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Count = 1 << 20;
    private readonly int[] _buffer = new int[Count];
    private readonly RandomStream _stream = new(42);

    [Params(512, 256, 128, 64)]
    public int Width { get; set; }

    [Benchmark]
    public ulong SumOffsets() => Width switch
    {
        512 => Vector512Kernels.SumOffsets(_stream, 0, Count),
        256 => Vector256Kernels.SumOffsets(_stream, 0, Count),
        128 => Vector128Kernels.SumOffsets(_stream, 0, Count),
        _ => ScalarKernels.SumOffsets(_stream, 0, Count),
    };

    [Benchmark]
    public void Fill()
    {
        switch (Width)
        {
            case 512: Vector512Kernels.Fill(_stream, 0, _buffer); break;
            case 256: Vector256Kernels.Fill(_stream, 0, _buffer); break;
            case 128: Vector128Kernels.Fill(_stream, 0, _buffer); break;
            default: ScalarKernels.Fill(_stream, 0, _buffer); break;
        }
    }
}
