namespace ParallelSum.Numerics;

/// <summary>
/// The lane operations <see cref="BinnedBlockSum{TLanes, TVector}"/> needs, for one vector width of doubles. Implemented by small
/// structs, so the JIT compiles one specialised kernel per width with every call inlined and no virtual dispatch.
/// </summary>
/// <remarks>Every floating-point operation here is the IEEE 754 one, lane by lane, rounded to nearest: the kernel's exactness
/// argument holds at every width, so every width gives the same sums.</remarks>
/// <typeparam name="TVector">The vector of doubles, such as <see cref="System.Runtime.Intrinsics.Vector512{T}"/> of <see cref="double"/>.</typeparam>
internal interface IDoubleLanes<TVector>
    where TVector : struct
{
    /// <summary>Gets whether this width runs in hardware here.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Gets the number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane zero.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Create(double value);

    /// <summary>The lanes at <c>source + offset</c>.</summary>
    static abstract TVector Load(ref double source, nuint offset);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    /// <summary><paramref name="left"/> + <paramref name="right"/>, rounded as an add is, computed as
    /// <c>fma(right, 1, left)</c> where there is a fused multiply-add: the same result from the multiply units, so that the
    /// kernel's adds are shared between two kinds of execution port instead of queuing for one.</summary>
    static abstract TVector AddOnMultiplier(TVector left, TVector right);

    /// <summary><paramref name="left"/> − <paramref name="right"/>, rounded as a subtraction is, computed as
    /// <c>fma(right, −1, left)</c> where there is a fused multiply-add.</summary>
    static abstract TVector SubtractOnMultiplier(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Each lane, an integer-valued double of magnitude below 2^63, as a 64-bit integer in the lane's bits.</summary>
    static abstract TVector ConvertToInt64(TVector value);

    /// <summary>The sum of the lanes, in any order (the kernel only sums lanes whose every partial sum is exact).</summary>
    static abstract double Sum(TVector value);

    /// <summary>Adds the lanes' bit patterns as 64-bit integers, wrapping: integer adds run beside the floating-point ones.</summary>
    static abstract TVector AddBits(TVector sum, TVector values);

    /// <summary>The wrapping sum of the lanes' bit patterns as 64-bit integers.</summary>
    static abstract long SumBits(TVector sum);

    /// <summary>Every lane 0x7FFF_FFFF_FFFF_FFFF: clears the sign of a bit pattern. Passed into the folds from outside the
    /// loop, so that the JIT keeps it in a register instead of making it again on every iteration.</summary>
    static abstract TVector MagnitudeMask { get; }

    /// <summary>Every lane all ones: the starting minimum of <see cref="FoldNonZeroMinimum"/>.</summary>
    static abstract TVector AllBitsSet { get; }

    /// <summary>Every 32-bit lane <see cref="int.MaxValue"/>: the starting minimum of <see cref="FoldHighHalves"/>, and the
    /// mask that clears the sign of a high half.</summary>
    static abstract TVector HighHalfSeed { get; }

    /// <summary>Folds the high 32 bits of every lane of two vectors (sign, exponent and 20 bits of mantissa), sign cleared,
    /// into a running signed 32-bit maximum and minimum: one vector of high halves per two vectors of values, so four
    /// operations fold two vectors. The exponents are all the block's plan needs.</summary>
    static abstract void FoldHighHalves(TVector first, TVector second, TVector mask, ref TVector maximum, ref TVector minimum);

    /// <summary>The largest 32-bit lane of a <see cref="FoldHighHalves"/> maximum.</summary>
    static abstract int MaxHighHalf(TVector maximum);

    /// <summary>The smallest 32-bit lane of a <see cref="FoldHighHalves"/> minimum.</summary>
    static abstract int MinHighHalf(TVector minimum);

    /// <summary>Folds the lanes' full bit patterns, sign cleared (non-negative longs, ordered as the magnitudes), into a
    /// running signed maximum: the exact pass for blocks whose high halves cannot tell.</summary>
    static abstract void FoldMaximum(TVector values, TVector mask, ref TVector maximum);

    /// <summary>Folds the lanes' bit patterns, sign cleared, less one, into a running unsigned minimum: a zero wraps to the
    /// largest value and so never counts. For blocks that hold a zero.</summary>
    static abstract void FoldNonZeroMinimum(TVector values, TVector mask, ref TVector minimum);

    /// <summary>The largest lane of a signed maximum, as a bit pattern.</summary>
    static abstract long MaxLane(TVector maximum);

    /// <summary>The smallest lane of an unsigned minimum, as a bit pattern.</summary>
    static abstract ulong MinLaneUnsigned(TVector minimum);
}
