using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>Sums the offsets in 64-bit lanes: each scaled lane shifted right by 32 first, because its low half is not 0 and
/// would carry into the offsets. Exact for any range over up to 2^32 values per call (a lane adds at most <c>2^32 / Lanes</c>
/// offsets below 2^32).</summary>
internal readonly struct SumOperation : IKernelOperation
{
    /// <summary>A tree of adds into one running total: as many adds as four totals would take, and one add on the loop-carried chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TWidth, TVector>(TVector total, TVector s0, TVector s1, TVector s2, TVector s3, uint min, ref int destination, nuint offset)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Add(
            total,
            TWidth.Add(
                TWidth.Add(TWidth.ShiftRightLogical(s0, 32), TWidth.ShiftRightLogical(s1, 32)),
                TWidth.Add(TWidth.ShiftRightLogical(s2, 32), TWidth.ShiftRightLogical(s3, 32))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Total<TWidth, TVector>(TVector total)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => TWidth.Sum(total);
}
