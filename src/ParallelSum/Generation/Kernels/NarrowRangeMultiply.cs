using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// <c>r &lt; 2^32</c>, the two-multiply path, exact for any range: two widening 32x32→64 multiplies (vpmuludq/pmuludq/umull: a
/// single uop each, unlike a 64-bit lane multiply). With <c>word = hi * 2^32 + lo</c>, <c>a = hi * r</c> and <c>b = lo * r</c>:
/// <c>word * r = a * 2^32 + b</c> and <c>s = a + (b &gt;&gt; 32)</c>, which cannot carry out of 64 bits. The high 32 bits of
/// <c>s</c> are <c>high64(word * r)</c>, the low 32 bits are <c>high32(low64(word * r))</c>.
/// </summary>
/// <remarks>Attempt 0 is rejected when <c>low64(word * r)</c> is below the threshold <c>t &lt; r &lt;= 2^32</c>, which needs the high
/// 32 bits of <c>low64(word * r)</c> to be 0: so a lane whose low half of <c>s</c> is not 0 is never rejected, and the flag test
/// checks that cheap condition per lane instead of the 64-bit compare. A flagged lane only may have been rejected; the caller's
/// scan by the definition corrects the lanes that really were.</remarks>
internal readonly struct NarrowRangeMultiply : IRangeMultiply
{
    public static bool CanFlag => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Add(TWidth.MultiplyLow32(TWidth.ShiftRightLogical(words, 32), range), TWidth.ShiftRightLogical(TWidth.MultiplyLow32(words, range), 32));

    /// <summary>0 to the low half, which is 0 where attempt 0 may be rejected; 1 to the high half, the offset, at most
    /// <c>r - 1 &lt;= 2^32 - 2</c>, so never 0 after it. The minimum is 0 exactly when some lane may have been rejected: two
    /// cheap ops per vector instead of a 64-bit shift, add and compare.</summary>
    public static ulong FlagMark(ulong rangeSize) => 1UL << 32;

    public static uint FlagLimit(ulong rangeSize) => 0;
}
