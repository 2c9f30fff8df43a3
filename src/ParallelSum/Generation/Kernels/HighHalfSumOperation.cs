using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// Sums the offsets where they sit, in the 32-bit high halves, with 32-bit adds and no shift per vector; the low halves wrap on
/// their own and are ignored. Only for the one-multiply path's chunks (<see cref="OneMultiply.ChunkFor"/>): with
/// <c>chunk * r &lt;= 2^28</c>, a high half adds at most <c>chunk / Lanes</c> offsets below r, under 2^27, so it never carries into
/// its neighbour.
/// </summary>
internal readonly struct HighHalfSumOperation : IKernelOperation
{
    /// <summary>A tree of 32-bit adds into one running total: as many adds as four totals would take, and one on the loop-carried chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TWidth, TVector>(TVector total, TVector s0, TVector s1, TVector s2, TVector s3, uint min, ref int destination, nuint offset)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Add32(total, TWidth.Add32(TWidth.Add32(s0, s1), TWidth.Add32(s2, s3)));

    /// <summary>One shift per call, not per vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Total<TWidth, TVector>(TVector total)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => TWidth.Sum(TWidth.ShiftRightLogical(total, 32));
}
