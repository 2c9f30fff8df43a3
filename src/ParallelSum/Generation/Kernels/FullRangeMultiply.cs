using System.Runtime.CompilerServices;

namespace ParallelSum.Generation.Kernels;

/// <summary><c>r = 2^32</c>, the full int range: <c>word * 2^32</c> is a shift, so the scaled lane is the word itself, and the
/// threshold <c>2^64 mod 2^32</c> is 0, so nothing is ever rejected and the loop is mix64, a shift and an add.</summary>
internal readonly struct FullRangeMultiply : IRangeMultiply
{
    // Stryker disable once Boolean : equivalent; with a threshold of 0 the rejection check never fires, it only costs time.
    public static bool CanFlag => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct => words;

    /// <summary>As <see cref="NarrowRangeMultiply.FlagMark"/>; unused while <see cref="CanFlag"/> is false.</summary>
    // Stryker disable once all : unreachable, so nothing it says can be observed; the kernel asks for it only when CanFlag is true.
    public static ulong FlagMark(ulong rangeSize) => 1UL << 32;

    public static uint FlagLimit(ulong rangeSize) => 0;
}
