using BenchmarkDotNet.Attributes;
using Kernel128 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector128Width, System.Runtime.Intrinsics.Vector128<ulong>>;
using Kernel256 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector256Width, System.Runtime.Intrinsics.Vector256<ulong>>;
using Kernel512 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector512Width, System.Runtime.Intrinsics.Vector512<ulong>>;
using ParallelSum.Generation.Kernels;

namespace ParallelSum.Benchmarks;

/// <summary>One core, one kernel: each vector width's fused sum and fill over 2^20 values (4 MiB filled, so it stays in cache),
/// for [0, 10] (the one-multiply path) and [0, int.MaxValue] (the two-multiply path). Add <c>--disasm --disasmDepth 5</c> to see
/// the code the JIT made for each width: the loop, <c>VectorKernel.Run</c>, is up to four calls below each benchmark.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Count = 1 << 20;
    private readonly int[] _buffer = new int[Count];
    private RandomStream _stream;

    [Params(512, 256, 128, 64)]
    public int Width { get; set; }

    [Params(10, int.MaxValue)]
    public int Max { get; set; }

    [GlobalSetup]
    public void CreateStream() => _stream = new RandomStream(42, 0, Max);

    [Benchmark]
    public ulong SumOffsets() => Width switch
    {
        512 => Kernel512.SumOffsets(_stream, 0, Count),
        256 => Kernel256.SumOffsets(_stream, 0, Count),
        128 => Kernel128.SumOffsets(_stream, 0, Count),
        _ => ScalarKernels.SumOffsets(_stream, 0, Count),
    };

    [Benchmark]
    public void Fill()
    {
        switch (Width)
        {
            case 512: Kernel512.Fill(_stream, 0, _buffer); break;
            case 256: Kernel256.Fill(_stream, 0, _buffer); break;
            case 128: Kernel128.Fill(_stream, 0, _buffer); break;
            default: ScalarKernels.Fill(_stream, 0, _buffer); break;
        }
    }
}
