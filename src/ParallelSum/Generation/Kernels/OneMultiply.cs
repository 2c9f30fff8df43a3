using System.Numerics;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// The one-multiply reduction for small ranges. With <c>word = hi * 2^32 + lo</c>, <c>r &lt; 2^32</c> and <c>a = hi * r</c>:
/// <c>high64(word * r) = a &gt;&gt; 32</c> unless <c>low32(a)</c> is 0 or above <c>2^32 - r</c>, and attempt 0 can only be
/// rejected under that same condition (otherwise <c>low64(word * r) &gt;= 2^32 &gt; t</c>). Such a lane is "flagged": about
/// <c>(r + 1) / 2^32</c> of all lanes. The common path thus needs one 32x32→64 multiply and no 64-bit compare; a chunk with a
/// flagged lane is computed again by the exact two-multiply kernel.
/// </summary>
/// <remarks>
/// Flag test without a compare per vector: with <c>c = r - 1</c>, <c>y = low32(a) + c (mod 2^32)</c> is at most <c>c</c> exactly
/// when the lane is flagged (0 maps to c; values above <c>2^32 - r</c> wrap below c). The kernels keep the running minimum of
/// <c>y</c> over 32-bit lanes and compare once per chunk. The high 32-bit half of each lane holds the offset (below r);
/// adding <c>c + 1</c> there keeps it in <c>[r, 2r - 1]</c>, above c, so the same 32-bit minimum ignores it.
/// </remarks>
internal static class OneMultiply
{
    /// <summary>The most values per chunk (the unit that is redone exactly when one of its lanes is flagged): as many as a
    /// kernel call takes (<see cref="StreamKernels.MaxPiece"/>).</summary>
    public const int MaxChunk = StreamKernels.MaxPiece;

    /// <summary>The largest range size that takes the one-multiply path. A chunk is flagged with probability about
    /// <c>chunk * (r + 1) / 2^32</c>; <see cref="ChunkFor"/> keeps that at or below about 1/16, so the redone chunks cost less
    /// than the second multiply saves, and at this range chunks are 4096 values.</summary>
    public const ulong MaxRange = 1UL << 16;

    /// <summary>
    /// Values per chunk for range size <paramref name="rangeSize"/>: the largest power of two with <c>chunk * r &lt;= 2^28</c>, at
    /// most <see cref="MaxChunk"/>. Small ranges get long chunks, so the per-chunk set-up (constants, the horizontal sum and the
    /// flag test) is paid rarely: 65,536 values for <c>r &lt;= 2^12</c>, 4096 at <see cref="MaxRange"/>. The 32-bit high-half sums
    /// cannot overflow: each adds at most <c>chunk / Lanes</c> offsets below r (<see cref="HighHalfSumOperation"/>), under 2^27.
    /// </summary>
    public static int ChunkFor(ulong rangeSize)
    {
        int ceilingLog2 = 64 - BitOperations.LeadingZeroCount(rangeSize - 1);
        return (int)Math.Min(MaxChunk, 1UL << (28 - ceilingLog2));
    }

    /// <summary>Whether sums and fills for range size <paramref name="rangeSize"/> take the one-multiply path: chosen once per call.</summary>
    public static bool Suits(ulong rangeSize) => rangeSize <= MaxRange;

    /// <summary>What each 64-bit lane of <c>a</c> gets added, as two 32-bit halves: <c>c</c> to the low half, <c>c + 1</c> to the high.</summary>
    public static ulong FlagShift(ulong rangeSize) => ((rangeSize) << 32) | (rangeSize - 1);

    /// <summary>A lane is flagged when its shifted low half is at most this, <c>c = r - 1</c>.</summary>
    public static uint FlagLimit(ulong rangeSize) => (uint)(rangeSize - 1);
}
