using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>IEEE 754 for the exact sum: NaN, infinities, overflow of the exact sum, the sign of zero, and one rounding only —
/// each in a short array and again spread over many blocks, where the vector kernel rather than the scalar path meets it.</summary>
public class SpecialValueTests
{
    public static TheoryData<double[], double> Cases() => new()
    {
        { [], 0.0 },
        { [-0.0], -0.0 },
        { [-0.0, -0.0, -0.0], -0.0 },
        { [-0.0, 0.0], 0.0 },
        { [0.0, -0.0], 0.0 },
        { [1.0, -1.0], 0.0 },
        { [-1.0, 1.0], 0.0 },
        { [-0.0, 1e-300, -1e-300], 0.0 },
        { [double.NaN], double.NaN },
        { [1.0, double.NaN, 2.0], double.NaN },
        { [double.PositiveInfinity, double.NegativeInfinity], double.NaN },
        { [double.PositiveInfinity, 1.0, double.NegativeInfinity], double.NaN },
        { [double.PositiveInfinity, double.PositiveInfinity, -double.MaxValue], double.PositiveInfinity },
        { [double.NegativeInfinity, double.MaxValue, double.MaxValue], double.NegativeInfinity },
        { [double.PositiveInfinity, double.NaN], double.NaN },
        // The exact sum beyond the largest double rounds to infinity, though no single value is infinite.
        { [double.MaxValue, double.MaxValue], double.PositiveInfinity },
        { [-double.MaxValue, -double.MaxValue], double.NegativeInfinity },
        // A running sum would overflow here; the exact sum is finite.
        { [double.MaxValue, double.MaxValue, -double.MaxValue], double.MaxValue },
        // MaxValue plus half its last place is a tie; the even neighbour is 2^1024, so it overflows.
        { [double.MaxValue, Math.ScaleB(1, 970)], double.PositiveInfinity },
        // Just below the tie: MaxValue.
        { [double.MaxValue, Math.ScaleB(1, 970), -double.Epsilon], double.MaxValue },
        { [double.MaxValue, Math.ScaleB(1, 969)], double.MaxValue },
        { [1e308, 1.0, -1e308], 1.0 },
        { [1.0, 1e100, 1.0, -1e100], 2.0 },
        { [double.Epsilon, double.Epsilon, double.Epsilon], 3 * double.Epsilon },
        // Ties to even: 1 + 2^-53 is a tie between 1 and 1 + 2^-52, and goes to 1; 1 + 3·2^-53 goes up to 1 + 2^-51.
        { [1.0, Math.ScaleB(1.0, -53)], 1.0 },
        { [1.0, Math.ScaleB(1.0, -53), Math.ScaleB(1.0, -52)], 1.0 + Math.ScaleB(1.0, -51) },
        { [1.0, Math.ScaleB(1.0, -53), Math.ScaleB(1.0, -200)], 1.0 + Math.ScaleB(1.0, -52) },
        { [0.1, 0.2], 0.30000000000000004 },
        { [0.1, 0.2, -0.3], 2.7755575615628914e-17 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sum_FollowsIeee754_ForTheExactSum(double[] values, double expected)
    {
        Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values)));
        Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(ExactSum.Of(values)));
        var accumulator = new ExactSumAccumulator();
        foreach (double value in values)
        {
            accumulator.Add(value);
        }

        Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(accumulator.ToDouble()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sum_FollowsIeee754_WhenTheValuesAreSpreadOverBlocks(double[] values, double expected)
    {
        // Each value at its own place among 10,000 zeros of the same sign as an all-negative-zero case needs.
        double zero = values.Length > 0 && values.All(v => ExactSumOracleTests.Bits(v) == long.MinValue) ? -0.0 : 0.0;
        double[] spread = [.. Enumerable.Repeat(zero, 10_000)];
        for (int i = 0; i < values.Length; i++)
        {
            spread[(i * 2_333) + 17] = values[i];
        }

        Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(ExactSum.Of(spread)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sum_FollowsIeee754_WhenTheValuesFallInDifferentGrainsOnManyWorkers(double[] values, double expected)
    {
        // Each value in a grain of its own among 100,000 zeros, summed in grains of 1,000 on 1, 2, 7 and 64 workers: the
        // special values meet only when the workers' accumulators are combined.
        double zero = values.Length > 0 && values.All(v => ExactSumOracleTests.Bits(v) == long.MinValue) ? -0.0 : 0.0;
        double[] spread = [.. Enumerable.Repeat(zero, 100_000)];
        for (int i = 0; i < values.Length; i++)
        {
            spread[(i * 3_001) + 999] = values[i];
        }

        foreach (int workers in new[] { 1, 2, 7, 64 })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = IndexRangePartitioners.DynamicChunks(1_000) };
            Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(ExactSum.Of(spread, 1_000, options, null, default)));
        }
    }

    [Fact]
    public void NegativeZeros_OnEveryWorker_GiveNegativeZero_AndOnePositiveZeroAnywhereGivesPositiveZero()
    {
        double[] values = [.. Enumerable.Repeat(-0.0, 300_000)];
        foreach (int workers in new[] { 1, 2, 64 })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers };
            Assert.Equal(long.MinValue, ExactSumOracleTests.Bits(ExactSum.Of(values, options)));
            Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(ExactSum.OfFloats(values.Select(v => (float)v).ToArray(), options)));
            values[299_999 - (workers * 1_000)] = 0.0;
            Assert.Equal(0L, ExactSumOracleTests.Bits(ExactSum.Of(values, options)));
            values[299_999 - (workers * 1_000)] = -0.0;
        }
    }

    [Fact]
    public void Overflow_SplitAcrossWorkers_IsTheExactSumsOverflow()
    {
        // Each half alone is finite (0.75·MaxValue in each); the whole is beyond MaxValue: +∞ on any worker count. A third
        // value in between brings the exact sum back below MaxValue: finite again, and the oracle's bits.
        double[] values = new double[200_000];
        values[10] = double.MaxValue * 0.75;
        values[199_990] = double.MaxValue * 0.75;
        foreach (int workers in new[] { 1, 2, 64 })
        {
            var options = new ParallelRunOptions { MaxDegreeOfParallelism = workers };
            Assert.Equal(double.PositiveInfinity, ExactSum.Of(values, options));
            values[100_000] = -double.MaxValue * 0.5;
            double back = ExactSum.Of(values, options);
            Assert.True(double.IsFinite(back), $"{back}");
            Assert.Equal(ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values)), ExactSumOracleTests.Bits(back));
            values[100_000] = 0;
            values[150_000] = double.NegativeInfinity;
            Assert.Equal(double.NegativeInfinity, ExactSum.Of(values, options));
            values[50_000] = double.PositiveInfinity;
            Assert.True(double.IsNaN(ExactSum.Of(values, options)), "+∞ and −∞ in different grains must give NaN");
            values[50_000] = 0;
            values[150_000] = 0;
        }
    }

    [Fact]
    public void NaN_AnywhereInALongArray_GivesNaN_AtEveryPosition()
    {
        double[] values = [.. Enumerable.Range(0, 4_200).Select(i => (i % 7) - 3.5)];
        for (int i = 0; i < values.Length; i += 37)
        {
            double kept = values[i];
            values[i] = double.NaN;
            Assert.True(double.IsNaN(ExactSum.Of(values)), $"NaN at {i} was lost");
            values[i] = double.PositiveInfinity;
            Assert.Equal(double.PositiveInfinity, ExactSum.Of(values));
            values[i] = kept;
        }
    }

    [Fact]
    public void FloatSum_RoundsOnce_WhereRoundingThroughDoubleWouldNot()
    {
        // Exactly 1 + 2^-24 + 2^-60: above the half-way point between 1 and the next float, so it rounds up. Through a double
        // first, 2^-60 is lost (1 + 2^-24 + 2^-60 needs 61 bits), the tie goes to even, and the result would be 1.
        float[] values = [1.0f, MathF.ScaleB(1f, -24), MathF.ScaleB(1f, -60)];
        Assert.Equal(1.0f, (float)(1.0 + Math.ScaleB(1.0, -24) + Math.ScaleB(1.0, -60)));
        Assert.Equal(1.0f + MathF.ScaleB(1f, -23), ExactSum.OfFloats(values));
        Assert.Equal(1.0f + MathF.ScaleB(1f, -23), BigIntegerOracle.SumAsFloat(values.Select(v => (double)v)));
    }

    [Fact]
    public void FloatSum_Overflows_AtFloatRange_AndKeepsSignedZeros()
    {
        Assert.Equal(float.PositiveInfinity, ExactSum.OfFloats([float.MaxValue, float.MaxValue]));
        Assert.Equal(float.MaxValue, ExactSum.OfFloats([float.MaxValue, float.MaxValue, -float.MaxValue]));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(ExactSum.OfFloats([-0.0f, -0.0f])));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(ExactSum.OfFloats([-1.0f, 1.0f])));
        Assert.True(float.IsNaN(ExactSum.OfFloats([float.PositiveInfinity, float.NegativeInfinity])));
        Assert.Equal(3 * float.Epsilon, ExactSum.OfFloats([float.Epsilon, float.Epsilon, float.Epsilon]));
    }

    [Fact]
    public void ToSingle_OfDoublesBelowTheSmallestFloat_IsAZeroOfTheirSign()
    {
        var accumulator = new ExactSumAccumulator();
        accumulator.Add(-1e-300);
        Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(accumulator.ToSingle()));
        Assert.Equal(-1e-300, accumulator.ToDouble());
        accumulator.Add(2e-300);
        Assert.Equal(0, BitConverter.SingleToInt32Bits(accumulator.ToSingle()));
        // Half the smallest float subnormal is a tie between 0 and 2^-149: even is 0. A little more rounds up.
        accumulator.Clear();
        accumulator.Add(Math.ScaleB(1, -150));
        Assert.Equal(0.0f, accumulator.ToSingle());
        accumulator.Add(1e-300);
        Assert.Equal(float.Epsilon, accumulator.ToSingle());
    }
}
