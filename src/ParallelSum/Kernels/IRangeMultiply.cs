using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Kernels;

/// <summary>
/// Multiplies the low 32 bits of each 64-bit lane by the range size <c>r</c>, giving full 64-bit products. Kernels are
/// generic over it so the JIT compiles one branch-free loop per case instead of testing the case per vector.
/// </summary>
internal interface IRangeMultiply
{
    static abstract Vector512<ulong> Multiply(Vector512<ulong> lanes, Vector512<ulong> range);

    static abstract Vector256<ulong> Multiply(Vector256<ulong> lanes, Vector256<ulong> range);

    static abstract Vector128<ulong> Multiply(Vector128<ulong> lanes, Vector128<ulong> range);
}

/// <summary><c>r &lt; 2^32</c>: one widening 32x32→64 multiply (vpmuludq/pmuludq: a single uop, unlike a 64-bit lane multiply).</summary>
internal readonly struct NarrowRangeMultiply : IRangeMultiply
{
    public static Vector512<ulong> Multiply(Vector512<ulong> lanes, Vector512<ulong> range) => Avx512F.Multiply(lanes.AsUInt32(), range.AsUInt32());

    public static Vector256<ulong> Multiply(Vector256<ulong> lanes, Vector256<ulong> range) => Avx2.Multiply(lanes.AsUInt32(), range.AsUInt32());

    public static Vector128<ulong> Multiply(Vector128<ulong> lanes, Vector128<ulong> range) => Sse2.Multiply(lanes.AsUInt32(), range.AsUInt32());
}

/// <summary><c>r = 2^32</c>, the full int range: r does not fit a 32-bit multiplier, but multiplying by it is a shift.</summary>
internal readonly struct FullRangeMultiply : IRangeMultiply
{
    public static Vector512<ulong> Multiply(Vector512<ulong> lanes, Vector512<ulong> range) => lanes << 32;

    public static Vector256<ulong> Multiply(Vector256<ulong> lanes, Vector256<ulong> range) => lanes << 32;

    public static Vector128<ulong> Multiply(Vector128<ulong> lanes, Vector128<ulong> range) => lanes << 32;
}
