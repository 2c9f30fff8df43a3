using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The public accumulator: one value at a time, spans, combining (in any grouping, with itself), clearing, and the
/// limit of what it holds.</summary>
public class ExactSumAccumulatorTests
{
    [Fact]
    public void AddingOneByOne_SpansAndCombinations_AllGiveTheOraclesBits()
    {
        foreach (double[] values in Gen.Sample(AdversarialDoubles.Arrays(), 80, new Rnd(11UL), 50))
        {
            long expected = ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values));
            var oneByOne = new ExactSumAccumulator();
            foreach (double value in values)
            {
                oneByOne.Add(value);
            }

            // Pieces of uneven length into accumulators of their own, combined right to left.
            var combined = new ExactSumAccumulator();
            for (int start = values.Length; start > 0;)
            {
                int length = Math.Min(start, 1 + (start % 777));
                var piece = new ExactSumAccumulator();
                piece.Add(values.AsSpan(start - length, length));
                piece.Add(combined);
                combined = piece;
                start -= length;
            }

            Assert.Equal(expected, ExactSumOracleTests.Bits(oneByOne.ToDouble()));
            Assert.Equal(expected, ExactSumOracleTests.Bits(combined.ToDouble()));
            // Reading the result changes nothing.
            Assert.Equal(expected, ExactSumOracleTests.Bits(combined.ToDouble()));
        }
    }

    [Fact]
    public void AddingItself_DoublesTheSum_UntilTheCapacityIsReached()
    {
        var accumulator = new ExactSumAccumulator();
        accumulator.Add(1.5);
        accumulator.Add(accumulator);
        Assert.Equal(3.0, accumulator.ToDouble());

        accumulator.Clear();
        accumulator.Add(double.MaxValue);
        int doublings = 0;
        // Each doubling of the largest double adds a bit; 2^1024·2^141 is what the accumulator holds.
        Assert.Throws<OverflowException>(() =>
        {
            while (doublings < 1_000)
            {
                accumulator.Add(accumulator);
                doublings++;
            }
        });
        Assert.InRange(doublings, 130, 142);
    }

    [Fact]
    public void HugeSumsBeyondTheDoubleRange_StillCancelExactly()
    {
        var accumulator = new ExactSumAccumulator();
        for (int i = 0; i < 100_000; i++)
        {
            accumulator.Add(double.MaxValue);
        }

        Assert.Equal(double.PositiveInfinity, accumulator.ToDouble());
        accumulator.Add(0.25);
        var negative = new ExactSumAccumulator();
        negative.Add(Enumerable.Repeat(-double.MaxValue, 100_000).ToArray());
        accumulator.Add(negative);
        Assert.Equal(0.25, accumulator.ToDouble());
    }

    [Fact]
    public void Clear_MakesItAsNew()
    {
        var accumulator = new ExactSumAccumulator();
        accumulator.Add([double.NaN, 1e308, -0.0]);
        accumulator.Clear();
        Assert.Equal(0, ExactSumOracleTests.Bits(accumulator.ToDouble()));
        accumulator.Add(-0.0);
        Assert.Equal(long.MinValue, ExactSumOracleTests.Bits(accumulator.ToDouble()));
        accumulator.Add(2.5);
        Assert.Equal(2.5, accumulator.ToDouble());
    }

    [Fact]
    public void FloatSpans_AreWidenedExactly()
    {
        float[] values = [.. Enumerable.Range(0, 5_000).Select(i => BitConverter.Int32BitsToSingle((int)(0x9E3779B9u * (uint)i) & 0x7F7FFFFF))];
        var accumulator = new ExactSumAccumulator();
        accumulator.Add(values);
        Assert.Equal(
            BitConverter.SingleToInt32Bits(BigIntegerOracle.SumAsFloat(values.Select(v => (double)v))),
            BitConverter.SingleToInt32Bits(accumulator.ToSingle()));
        Assert.Equal(ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values.Select(v => (double)v))), ExactSumOracleTests.Bits(accumulator.ToDouble()));
    }

    [Fact]
    public async Task OneAccumulatorPerThread_CombinedAfterwards_IsExact()
    {
        double[] values = [.. Gen.Sample(AdversarialDoubles.Arrays(), 40, new Rnd(5UL), 50).SelectMany(a => a)];
        var parts = new ExactSumAccumulator[8];
        await Support.Deadline.Within(() => Task.WhenAll(Enumerable.Range(0, parts.Length).Select(p => Task.Run(() =>
        {
            var local = new ExactSumAccumulator();
            for (int i = p; i < values.Length; i += parts.Length)
            {
                local.Add(values[i]);
            }

            parts[p] = local;
            return 0;
        }))));
        var total = new ExactSumAccumulator();
        foreach (ExactSumAccumulator part in parts)
        {
            total.Add(part);
        }

        Assert.Equal(ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values)), ExactSumOracleTests.Bits(total.ToDouble()));
    }

    [Fact]
    public void AddAtAWidth_SpansWithTheSameSpecialValue_KeepItsFlag()
    {
        const int width = 64;
        var accumulator = new ExactSumAccumulator();
        accumulator.Add(width, [double.NaN, 1.0]);
        accumulator.Add(width, [double.NaN, 2.0]);
        Assert.True(double.IsNaN(accumulator.ToDouble()));

        accumulator.Clear();
        accumulator.Add(width, [double.NegativeInfinity]);
        accumulator.Add(width, [double.NegativeInfinity]);
        Assert.Equal(double.NegativeInfinity, accumulator.ToDouble());
    }
}
