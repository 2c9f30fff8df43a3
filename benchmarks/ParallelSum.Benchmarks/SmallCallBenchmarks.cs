using BenchmarkDotNet.Attributes;
using ParallelSum.Generation.Kernels;
using Kernel512 = ParallelSum.Generation.Kernels.VectorKernel<ParallelSum.Generation.Kernels.Vector512Width, System.Runtime.Intrinsics.Vector512<ulong>>;

namespace ParallelSum.Benchmarks;

/// <summary>
/// Where the time of a 1000-value call goes, from the inside out: the 512-bit kernel alone, the stream's sum (the kernel
/// behind its piece loop and the minimum's product), the strategies' inline sum (steps, cancellation and progress checks),
/// and the whole <c>auto</c> call (argument checks, timing, the result). Each row includes the one before it; the
/// differences are what each layer costs.
/// </summary>
[MemoryDiagnoser]
public class SmallCallBenchmarks
{
    private const int Count = 1000;
    private readonly RandomStream _stream = new(42);
    private readonly GenerateAndSumRequest _request = new(Count, 42);
    private readonly GenerateAndSumStrategy _auto = new Strategies.AutoStrategy();

    /// <summary>The 512-bit kernel alone (a machine without AVX-512 runs its scalar fallback here).</summary>
    [Benchmark(Baseline = true)]
    public ulong Kernel() => Kernel512.IsSupported ? Kernel512.SumOffsets(_stream, 0, Count) : ScalarKernels.SumOffsets(_stream, 0, Count);

    /// <summary>The stream's sum, as every strategy calls it for a step.</summary>
    [Benchmark]
    public Int128 StreamSum() => _stream.Sum(0, Count);

    /// <summary>The strategies' inline sum, as <c>auto</c> runs it below its threshold.</summary>
    [Benchmark]
    public Int128 InlineSum() => Strategies.StreamingStrategy.Sum(_request, long.MaxValue, ParallelRunOptions.Default, null, CancellationToken.None).Sum;

    /// <summary>The whole call.</summary>
    [Benchmark]
    public Int128 AutoCall() => _auto.GenerateAndSum(_request).Sum;
}
