namespace ParallelSum.Generation.Kernels;

/// <summary>
/// How the kernel loop scales each lane's 64-bit word by the range size <c>r</c>, and which lanes it must flag. The high 32 bits
/// of a scaled lane hold the lane's offset <c>high64(word * r)</c> unless the lane is flagged; the kernel loop is generic over
/// this (TensorPrimitives' transform operator), so the JIT compiles one branch-free loop per case instead of testing the case
/// per vector.
/// </summary>
/// <remarks>
/// The flag test costs two 32-bit operations per vector and no compare: the loop adds <see cref="FlagMark"/> to each scaled lane
/// as two 32-bit halves, keeps the running 32-bit minimum, and compares it with <see cref="FlagLimit"/> once per call. A lane can
/// be flagged only where that minimum is at most the limit. What a flagged call means is the caller's: a chunk redone by the
/// exact path (<see cref="SmallRangeMultiply"/>) or a rejection scan (<see cref="NarrowRangeMultiply"/>).
/// </remarks>
internal interface IRangeMultiply
{
    /// <summary>Gets whether a lane can be flagged at all for this case; where it cannot, the loop drops the test.</summary>
    static abstract bool CanFlag { get; }

    /// <summary>The scaled lanes of <paramref name="words"/>: the offsets in the high 32 bits (see <see cref="IRangeMultiply"/>).</summary>
    static abstract TVector Scale<TWidth, TVector>(TVector words, TVector range)
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct;

    /// <summary>What the flag test adds to each scaled lane, as two 32-bit halves, for range size <paramref name="rangeSize"/>.</summary>
    static abstract ulong FlagMark(ulong rangeSize);

    /// <summary>Some lane may be flagged when the running 32-bit minimum is at most this.</summary>
    static abstract uint FlagLimit(ulong rangeSize);
}
