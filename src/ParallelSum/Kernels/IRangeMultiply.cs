using System.Runtime.CompilerServices;

namespace ParallelSum.Kernels;

/// <summary>
/// Multiplies the low 32 bits of each 64-bit lane by the range size <c>r</c>, giving full 64-bit products. Kernels are
/// generic over it so the JIT compiles one branch-free loop per case instead of testing the case per vector.
/// </summary>
internal interface IRangeMultiply
{
    static abstract TVector Multiply<TWidth, TVector>(TVector lanes, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct;
}

/// <summary><c>r &lt; 2^32</c>: one widening 32x32→64 multiply (vpmuludq/pmuludq/umull: a single uop, unlike a 64-bit lane multiply).</summary>
internal readonly struct NarrowRangeMultiply : IRangeMultiply
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Multiply<TWidth, TVector>(TVector lanes, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => TWidth.MultiplyLow32(lanes, range);
}

/// <summary><c>r = 2^32</c>, the full int range: r does not fit a 32-bit multiplier, but multiplying by it is a shift.</summary>
internal readonly struct FullRangeMultiply : IRangeMultiply
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Multiply<TWidth, TVector>(TVector lanes, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => TWidth.ShiftLeft(lanes, 32);
}
