namespace ParallelSum.Numerics;

/// <summary>
/// How the vector kernel cuts a block of doubles into exact levels, and the scalar work every width shares. The plan is made
/// from the block's largest and smallest exponents only, so it is the same whatever the vector width.
/// </summary>
/// <remarks>
/// <para>Let every |x| of the block be below 2^T (T from the largest exponent). Level <c>l</c> has the unit
/// u_l = 2^(T − l·W), W = <see cref="LevelBits"/>. With σ_l = 1.5·2^(T − l·W + 52), whose last bit is u_l, the IEEE operations
/// <c>t = r + σ_l</c>, <c>q = t − σ_l</c> and <c>r' = r − q</c> are exact but for the rounding of <c>t</c> (Rump's
/// extraction): q is r rounded to a multiple of u_l, r' the rest, |r'| ≤ u_l / 2, and t stays in σ_l's binade, so the bits of
/// t less the bits of σ_l are q / u_l, an integer of at most W + 1 bits. Starting from r = x, each level takes W bits; after
/// K levels nothing is left once u_K is at or below the last bit of the block's smallest value, which is what
/// <see cref="Plan"/> computes. At the last level r is already a multiple of u_K, so t is not even rounded.</para>
/// <para>The first levels' integers are summed in 64-bit lanes. The last level's values are multiples of u_K of at most
/// u_(K−1)/2 = 2^(W − 1)·u_K, so 2^(54 − W) = 4096 of them sum exactly in a double: each lane of its floating-point
/// accumulators takes at most 4000 values per run. Every sum is exact, in any order: that is why lanes, unrolled
/// accumulators and widths all give the same bits.</para>
/// </remarks>
internal static class BinnedBlock
{
    /// <summary><see cref="Plan"/>'s level count for a block holding an infinity or a NaN: every value on its own.</summary>
    public const int Special = -1;

    /// <summary><see cref="Plan"/>'s level count for a block of zeros only: nothing to add.</summary>
    public const int Zeros = 0;

    /// <summary><see cref="Plan"/>'s level count for a block the vector split cannot take (values of 2^1012 or more, or
    /// constants that would be subnormal): every value on its own.</summary>
    public const int Each = 1;

    /// <summary>The bits each level takes.</summary>
    public const int LevelBits = 42;

    /// <summary>How many values a block holds: 16 KiB of doubles, which stay in the L1 cache while the next block streams in.</summary>
    public const int BlockLength = 1 << 11;

    /// <summary>The largest exponent field a vector block may hold: |x| &lt; 2^1012, so σ_1 = 1.5·2^(T + 10) and x + σ_1 stay
    /// finite with room to spare.</summary>
    public const int MaxTopExponent = 2034;

    /// <summary>The plan of a block from its largest and smallest magnitudes' bit patterns (as the kernel's fold gives them):
    /// the largest exponent field (at least 1) and the number of levels, or <see cref="Special"/>, <see cref="Zeros"/> or
    /// <see cref="Each"/>.</summary>
    public static (int Top, int Levels) Plan(ulong largest, ulong smallest)
    {
        if (largest >= 0x7FF0_0000_0000_0000UL)
        {
            return (0, Special);
        }

        if (largest == 0)
        {
            return (0, Zeros);
        }

        int top = Math.Max(1, (int)(largest >> 52));
        int bottom = Math.Max(1, (int)(smallest >> 52));
        // The fewest levels that leave nothing over: the smallest K with K·W ≥ top − bottom + 53.
        int levels = (top - bottom + 53 + LevelBits - 1) / LevelBits;
        // σ_K must be normal: T − K·W + 52 ≥ −1022.
        return top > MaxTopExponent || top < (levels * LevelBits) - 52 ? (top, Each) : (top, levels);
    }

    /// <summary>σ_l = 1.5·2^(T − l·W + 52) for a block whose largest exponent field is <paramref name="top"/> (T = top − 1022).</summary>
    public static double Sigma(int top, int level)
    {
        long biased = top - 1022 - (level * LevelBits) + 52 + 1023;
        return BitConverter.Int64BitsToDouble((biased << 52) | (1L << 51));
    }

    /// <summary>The position of u_l = 2^(T − l·W) in a <see cref="FixedPointSum"/>, whose unit is 2^-1074.</summary>
    public static int UnitPosition(int top, int level) => top - 1022 - (level * LevelBits) + 1074;

    /// <summary>Two powers of two whose product is 1 / u_l, both at least 1 or both at most 1, so that multiplying a multiple
    /// of u_l of at most 2^53·u_l by one and then the other is exact at every step (no step overflows or leaves the normal
    /// range): the way a level's floating-point sum becomes its integer count of u_l.</summary>
    public static (double First, double Second) InverseUnit(int top, int level)
    {
        int exponent = -(top - 1022 - (level * LevelBits));
        int half = exponent / 2;
        return (Math.ScaleB(1.0, half), Math.ScaleB(1.0, exponent - half));
    }

    /// <summary>Adds every value on its own: for blocks with an infinity or a NaN, values of 2^1012 or more, or constants
    /// that would be subnormal.</summary>
    public static SumFlags AddEach(ReadOnlySpan<double> block, FixedPointSum sum)
    {
        SumFlags flags = SumFlags.None;
        foreach (double value in block)
        {
            flags |= Classify(value);
            if (double.IsFinite(value))
            {
                sum.AddFinite(value);
            }
        }

        return flags;
    }

    /// <summary>What one value tells the sum beyond its finite value.</summary>
    public static SumFlags Classify(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        SumFlags flags = SumFlags.AnyValue;
        if (bits != long.MinValue)
        {
            // Stryker disable once Assignment : equivalent; flags holds only AnyValue here, so setting the clear NotNegativeZero by ^= or |= is the same.
            flags |= SumFlags.NotNegativeZero;
        }

        if (double.IsNaN(value))
        {
            // Stryker disable once Assignment : equivalent; flags holds at most AnyValue and NotNegativeZero here, so setting the clear NaN by ^= or |= is the same.
            flags |= SumFlags.NaN;
        }
        else if (double.IsInfinity(value))
        {
            // Stryker disable once Assignment : equivalent; flags holds at most AnyValue and NotNegativeZero here, so setting a clear infinity flag by ^= or |= is the same.
            flags |= bits < 0 ? SumFlags.NegativeInfinity : SumFlags.PositiveInfinity;
        }

        return flags;
    }
}
