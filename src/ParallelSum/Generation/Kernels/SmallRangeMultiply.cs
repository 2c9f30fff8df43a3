using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary><c>r &lt;= OneMultiply.MaxRange</c>, the one-multiply path (see <see cref="OneMultiply"/>): <c>a = hi * r</c>, one
/// widening multiply per lane, whose high half is the offset unless the lane is flagged. A flagged lane's offset may be off by one
/// or its attempt 0 rejected, so a chunk with a flagged lane is computed again by the exact two-multiply path.</summary>
internal readonly struct SmallRangeMultiply : IRangeMultiply
{
    public static bool CanFlag => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.MultiplyLow32(TWidth.ShiftRightLogical(words, 32), range);

    /// <summary><c>c = r - 1</c> to the low half, so exactly the flagged lanes' low halves wrap to at most c; <c>c + 1</c> to the
    /// high half, the offset (below r), which keeps it above c.</summary>
    public static ulong FlagMark(ulong rangeSize) => OneMultiply.FlagShift(rangeSize);

    public static uint FlagLimit(ulong rangeSize) => OneMultiply.FlagLimit(rangeSize);
}
