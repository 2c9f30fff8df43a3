using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary>
/// Scales each lane's 64-bit word by the range size <c>r</c> for the two-multiply path: gives <c>s = high64(word * r)</c> in the
/// high 32 bits of the lane and <c>high32(low64(word * r))</c> in the low 32 bits. Kernels are generic over it so the JIT compiles
/// one branch-free loop per case instead of testing the case per vector.
/// </summary>
/// <remarks>Attempt 0 is rejected when <c>low64(word * r)</c> is below the threshold <c>t &lt; r &lt;= 2^32</c>, which needs the high
/// 32 bits of <c>low64(word * r)</c> to be 0: so a lane whose low half of <c>s</c> is not 0 is never rejected, and the kernels
/// test that cheap condition per lane instead of the 64-bit compare.</remarks>
internal interface IRangeMultiply
{
    /// <summary>Gets whether attempt 0 can be rejected at all for this case; where it cannot, kernels drop the test.</summary>
    static abstract bool CanReject { get; }

    /// <summary>The scaled lanes <c>s</c> (see <see cref="IRangeMultiply"/>) of <paramref name="words"/>.</summary>
    static abstract TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct;
}

/// <summary><c>r &lt; 2^32</c>: two widening 32x32→64 multiplies (vpmuludq/pmuludq/umull: a single uop each, unlike a 64-bit
/// lane multiply). With <c>word = hi * 2^32 + lo</c>, <c>a = hi * r</c> and <c>b = lo * r</c>: <c>word * r = a * 2^32 + b</c> and
/// <c>s = a + (b &gt;&gt; 32)</c>, which cannot carry out of 64 bits.</summary>
internal readonly struct NarrowRangeMultiply : IRangeMultiply
{
    public static bool CanReject => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct =>
        TWidth.Add(TWidth.MultiplyLow32(TWidth.ShiftRightLogical(words, 32), range), TWidth.ShiftRightLogical(TWidth.MultiplyLow32(words, range), 32));
}

/// <summary><c>r = 2^32</c>, the full int range: <c>word * 2^32</c> is a shift, so <c>s</c> is the word itself, and the threshold
/// <c>2^64 mod 2^32</c> is 0, so nothing is ever rejected.</summary>
internal readonly struct FullRangeMultiply : IRangeMultiply
{
    // Stryker disable once Boolean : equivalent; with a threshold of 0 the rejection check never fires, it only costs time.
    public static bool CanReject => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => words;
}
