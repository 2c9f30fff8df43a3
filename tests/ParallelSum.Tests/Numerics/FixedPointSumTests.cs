using System.Numerics;
using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The fixed-point superaccumulator on its own: integers at every weight, carries of negative values, the carry
/// budget, and rounding at the edges of both formats.</summary>
public class FixedPointSumTests
{
    /// <summary>Position 2015 (31 mod 32) with a full significand: almost 2^52 into one cell per addition.</summary>
    private static readonly double LargestCellAddition = BitConverter.Int64BitsToDouble((2016L << 52) | 0xF_FFFF_FFFF_FFFFL);

    [Theory]
    [InlineData(long.MinValue, 0)]
    [InlineData(long.MaxValue, 31)]
    [InlineData(-1L, 2047)]
    [InlineData(1L, 0)]
    [InlineData(-123456789012345L, 1000)]
    public void AddInteger_AtAnyPosition_IsExact(long value, int position)
    {
        var sum = new FixedPointSum();
        sum.AddInteger(value, position);
        sum.AddInteger(value, position);
        sum.AddFinite(0.75);
        BigInteger expected = (new BigInteger(value) * 2 << position) + BigIntegerOracle.Scaled(0.75);
        Assert.Equal(BigIntegerOracle.FromScaled(expected), ToDouble(sum));
    }

    [Fact]
    public void ManyAdditions_AcrossTheCarryBudget_StayExact()
    {
        var sum = new FixedPointSum();
        var random = new Random(3);
        var values = new List<double>();
        for (int i = 0; i < 5 * FixedPointSum.AddsBeforeCarry; i++)
        {
            // Huge magnitudes of random signs, then a small one: every cell takes its largest additions, and the total
            // stays far from the double range only by cancellation.
            double value = BitConverter.Int64BitsToDouble((random.Next(2) == 0 ? long.MinValue : 0) | (0x7FEF_FFFF_FFFF_FFFFL ^ random.Next(1 << 20)));
            sum.AddFinite(value);
            values.Add(value);
        }

        Assert.Equal(BigIntegerOracle.Sum(values), ToDouble(sum));
    }

    [Fact]
    public void NegativeTotals_CarryAndRound_AsTheirMagnitudes()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(-double.Epsilon);
        sum.AddFinite(-1.0);
        sum.AddFinite(Math.ScaleB(1, -60));
        Assert.False(sum.IsZero);
        Assert.Equal(-1.0, ToDouble(sum));
        sum.AddFinite(1.0);
        sum.AddFinite(-Math.ScaleB(1, -60));
        sum.AddFinite(double.Epsilon);
        Assert.True(sum.IsZero);
    }

    [Fact]
    public void Merging_TheSameSumTwice_AndClearing()
    {
        var a = new FixedPointSum();
        a.AddFinite(1e300);
        a.AddFinite(-3e-310);
        var b = new FixedPointSum();
        b.Add(a);
        b.Add(a);
        Assert.Equal(BigIntegerOracle.FromScaled(2 * (BigIntegerOracle.Scaled(1e300) + BigIntegerOracle.Scaled(-3e-310))), ToDouble(b));
        b.Clear();
        Assert.True(b.IsZero);
        b.Add(new FixedPointSum());
        Assert.True(b.IsZero);
    }

    [Fact]
    public void Rounding_ToFloat_AtTheSubnormalAndOverflowEdges()
    {
        // float.MaxValue + half its last place ties to the even neighbour 2^128: infinity. Less than half: MaxValue.
        var sum = new FixedPointSum();
        sum.AddFinite(float.MaxValue);
        sum.AddFinite(Math.ScaleB(1, 103));
        Assert.True(sum.RoundedMagnitudeBits(24, 925, out _) >= 0x7F80_0000UL);
        sum.AddFinite(-double.Epsilon);
        Assert.Equal((ulong)BitConverter.SingleToUInt32Bits(float.MaxValue), sum.RoundedMagnitudeBits(24, 925, out bool negative));
        Assert.False(negative);
        sum.Clear();
        sum.AddFinite(-3 * (double)float.Epsilon);
        Assert.Equal(3UL, sum.RoundedMagnitudeBits(24, 925, out negative));
        Assert.True(negative);
    }

    [Fact]
    public void AddFinite_SameSignLargestCellAdditions_CarriesBeforeACellOverflows()
    {
        // Without a carry every AddsBeforeCarry additions, 2^11 of them overflow a cell.
        double value = LargestCellAddition;
        const int Count = 20 * FixedPointSum.AddsBeforeCarry;
        var sum = new FixedPointSum();
        for (int i = 0; i < Count; i++)
        {
            sum.AddFinite(value);
        }

        Assert.Equal(BigIntegerOracle.FromScaled(BigIntegerOracle.Scaled(value) * Count), ToDouble(sum));
    }

    [Fact]
    public void AddInteger_BetweenAdditionsOfDoubles_CountsTowardTheCarry()
    {
        double value = LargestCellAddition;
        const int Count = 20 * FixedPointSum.AddsBeforeCarry;
        var sum = new FixedPointSum();
        for (int i = 0; i < Count; i++)
        {
            sum.AddFinite(value);
            sum.AddInteger(1, 0);
        }

        BigInteger expected = (BigIntegerOracle.Scaled(value) * Count) + Count;
        Assert.Equal(BigIntegerOracle.FromScaled(expected), ToDouble(sum));
    }

    [Fact]
    public void AddInteger_AloneBeyond2Pow31Times_CarriesBeforeACellOverflows()
    {
        // long.MaxValue at position 0 adds 2^32 - 1 to the lowest cell: without a carry, 2^31 + 1 such additions pass 2^63.
        const long Count = (1L << 31) + 2;
        var sum = new FixedPointSum();
        for (long i = 0; i < Count; i++)
        {
            sum.AddInteger(long.MaxValue, 0);
        }

        BigInteger expected = new BigInteger(long.MaxValue) * Count;
        // The error a wrapped cell leaves, 2^64, is far above the rounding unit of a value near 2^94.
        Assert.Equal(BigIntegerOracle.FromScaled(expected), ToDouble(sum));
    }

    [Fact]
    public void IsZero_OfAValueInOneDigit_IsFalse()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(1.0);
        Assert.False(sum.IsZero);
        Assert.Equal(1.0, ToDouble(sum));
    }

    [Fact]
    public void Clear_OfAValueInOneDigit_LeavesNothingBehind()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(1.0);
        sum.Carry();
        sum.Clear();
        Assert.True(sum.IsZero);
        sum.AddFinite(1.0);
        Assert.Equal(1.0, ToDouble(sum));
    }

    [Fact]
    public void Add_ItselfRepeatedly_CarriesAValueInOneDigit()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(1.0);
        for (int i = 0; i < 100; i++)
        {
            sum.Add(sum);
        }

        Assert.Equal(BigIntegerOracle.FromScaled(BigIntegerOracle.Scaled(1.0) << 100), ToDouble(sum));
    }

    [Fact]
    public void Carry_PositiveValueReaching2Pow1165_ThrowsOverflowNamingTheLimit()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(1.0);
        for (int i = 0; i < 1164; i++)
        {
            sum.Add(sum);
        }

        // 2^1164 is held (as a magnitude far beyond the double range); one more doubling is not.
        Assert.Equal(double.PositiveInfinity, ToDouble(sum));
        var exception = Assert.Throws<OverflowException>(() => sum.Add(sum));
        Assert.Contains("2^1165:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Carry_NegativeValueReaching2Pow1165_IsHeldAndOneMoreDoublingThrows()
    {
        var sum = new FixedPointSum();
        sum.AddFinite(-1.0);
        for (int i = 0; i < 1165; i++)
        {
            sum.Add(sum);
        }

        // -2^1165 is the most negative value held.
        Assert.Equal(double.NegativeInfinity, ToDouble(sum));
        Assert.False(sum.IsZero);
        Assert.Throws<OverflowException>(() => sum.Add(sum));
    }

    [Fact]
    public void Carry_WhenTheTopDigitsCancel_TrimsThemAndKeepsTheSign()
    {
        double[] values = [Math.ScaleB(1, 40), -Math.ScaleB(1, 40), -1.0, Math.ScaleB(1, -60)];
        var sum = new FixedPointSum();
        foreach (double value in values)
        {
            sum.AddFinite(value);
        }

        Assert.Equal(BigIntegerOracle.Sum(values), ToDouble(sum));
        Assert.Equal(BitConverter.DoubleToUInt64Bits(-BigIntegerOracle.Sum(values)), sum.RoundedMagnitudeBits(53, 0, out bool negative));
        Assert.True(negative);
    }

    [Fact]
    public void RoundedMagnitudeBits_OfZero_IsZeroAndNotNegative()
    {
        var sum = new FixedPointSum();
        Assert.Equal(0UL, sum.RoundedMagnitudeBits(53, 0, out bool negative));
        Assert.False(negative);
        sum.AddFinite(-2.0);
        sum.AddFinite(2.0);
        Assert.Equal(0UL, sum.RoundedMagnitudeBits(24, 925, out negative));
        Assert.False(negative);
    }

    private static double ToDouble(FixedPointSum sum)
    {
        ulong bits = sum.RoundedMagnitudeBits(53, 0, out bool negative);
        double magnitude = bits >= 0x7FF0_0000_0000_0000UL ? double.PositiveInfinity : BitConverter.UInt64BitsToDouble(bits);
        return negative ? -magnitude : magnitude;
    }
}
