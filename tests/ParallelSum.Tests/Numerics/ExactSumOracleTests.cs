using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The exact sum against two oracles it shares no code with: an exact <see cref="System.Numerics.BigInteger"/> sum
/// rounded once, and Python's <c>math.fsum</c>; and the same bits in every order.</summary>
public class ExactSumOracleTests
{
    public static Arbitrary<double[]> Arrays() => AdversarialDoubles.Arrays().ToArbitrary();

    public static Arbitrary<float[]> Floats() =>
        (from n in AdversarialDoubles.Length()
         from values in Gen.ArrayOf(Gen.OneOf(
             AdversarialDoubles.Mixed().Select(d => (float)d),
             Gen.Choose(int.MinValue, int.MaxValue).Select(BitConverter.Int32BitsToSingle).Where(float.IsFinite),
             Gen.Elements(float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 1.0f, MathF.ScaleB(1f, -24), MathF.ScaleB(1f, -60), -0.0f)), n)
         select values).ToArbitrary();

    [Property(Arbitrary = [typeof(ExactSumOracleTests)], MaxTest = 150)]
    public bool Sum_EqualsTheBigIntegerOracle_BitForBit(double[] values) =>
        Bits(ExactSum.Of(values)) == Bits(BigIntegerOracle.Sum(values));

    [Property(Arbitrary = [typeof(ExactSumOracleTests)], MaxTest = 40)]
    public bool Sum_IsTheSame_InEveryOrderTried(double[] values)
    {
        long expected = Bits(ExactSum.Of(values));
        double[][] orders =
        [
            [.. Enumerable.Reverse(values)],
            [.. values.OrderBy(Math.Abs)],
            [.. values.OrderByDescending(Math.Abs)],
            [.. values.OrderBy(v => v)],
            AdversarialDoubles.Shuffle([.. values], values.Length),
        ];
        return orders.All(order => Bits(ExactSum.Of(order)) == expected);
    }

    [Property(Arbitrary = [typeof(ExactSumOracleTests)], MaxTest = 100)]
    public bool FloatSum_IsTheExactSumRoundedOnceToFloat(float[] values) =>
        BitConverter.SingleToInt32Bits(ExactSum.OfFloats(values)) == BitConverter.SingleToInt32Bits(BigIntegerOracle.SumAsFloat(values.Select(v => (double)v)));

    [Fact]
    public void Sum_IsTheSame_InEveryOrder_OfSmallAdversarialArrays()
    {
        double[][] cases =
        [
            [1e308, 1.0, -1e308, 1e-308, -1.0, double.Epsilon],
            [double.MaxValue, double.MaxValue, -double.MaxValue, 0.5, -0.0, 1e-320],
            [1.0, Math.ScaleB(1.0, -53), Math.ScaleB(1.0, -106), -Math.ScaleB(1.0, -53), Math.ScaleB(1.0, -160), 3.0],
            [0.1, 0.2, 0.3, -0.6, 1e16, -1e16],
        ];
        foreach (double[] values in cases)
        {
            long expected = Bits(BigIntegerOracle.Sum(values));
            foreach (double[] order in Permutations(values))
            {
                Assert.Equal(expected, Bits(ExactSum.Of(order)));
            }
        }
    }

    [Fact]
    public async Task Sum_EqualsPythonFsum_OnGeneratedCases()
    {
        // Half of every shape, half of shapes whose running sums stay finite, which fsum can then always answer.
        Gen<double[]> finite = AdversarialDoubles.Length().SelectMany(n => Gen.ArrayOf(Gen.OneOf(AdversarialDoubles.Binades(0, 2000), Gen.Elements(AdversarialDoubles.Landmarks.Where(v => Math.Abs(v) < 1e300).ToArray())), n));
        double[][] cases = [.. Gen.Sample(AdversarialDoubles.Arrays(), 150, new Rnd(0x5EED_F5E4UL), 50), .. Gen.Sample(finite, 150, new Rnd(0xF5E4UL), 50)];
        double?[] fsum = await PythonFsum.SumsAsync(cases, TimeSpan.FromSeconds(60));
        int compared = 0;
        for (int i = 0; i < cases.Length; i++)
        {
            double ours = ExactSum.Of(cases[i]);
            if (fsum[i] is not double python)
            {
                // fsum overflowed on a running partial; the exact sum is still finite or infinite as IEEE 754 rounds it.
                Assert.Equal(Bits(BigIntegerOracle.Sum(cases[i])), Bits(ours));
                continue;
            }

            compared++;
            // Python before 3.12 returns +0.0 for a sum of -0.0 values; the sign of zero is checked against IEEE 754 elsewhere.
            Assert.True(
                ours == 0 ? python == 0 : Bits(ours) == Bits(python),
                $"case {i} ({cases[i].Length} values): ours {ours:R} ({Bits(ours):X16}), fsum {python:R} ({Bits(python):X16})");
        }

        Assert.True(compared > 220, $"only {compared} of {cases.Length} cases were compared with fsum");
    }

    [Fact]
    public void HexFloats_ForPython_AreExact()
    {
        foreach (double value in AdversarialDoubles.Landmarks.Concat(Gen.Sample(AdversarialDoubles.AnyFinite(), 500, new Rnd(7UL), 50)))
        {
            Assert.Equal(BigIntegerOracle.Scaled(value), PythonFsum.ScaledFromHex(PythonFsum.Hex(value)));
        }
    }

    [Fact]
    public void OfSequence_ValuesAfterTheLastFullBuffer_AreAdded()
    {
        double[] values = [.. Enumerable.Range(0, ExactSumAccumulator.BufferLength + 3).Select(i => Math.ScaleB(1.0 + i, -i % 60))];
        Assert.Equal(Bits(BigIntegerOracle.Sum(values)), Bits(ExactSum.OfSequence(values)));
        Assert.Equal(3.5, ExactSum.OfSequence([1.0, 2.5]));
    }

    [Fact]
    public void OfSequence_CanceledBeforeAnyValue_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfSequence([], source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExactSum.OfSequence([1.0], source.Token));
    }

    [Fact]
    public void GrainSizeBelowOne_IsRefusedByEveryForm()
    {
        // Empty inputs too, which need no grain at all.
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactSum.Of([], 0, null, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactSum.OfFloats([], -1, null, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactSum.OfRange(0, i => 1.0, 0, null, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactSum.Of([1.0], 0, null, null, default));
    }

    internal static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static IEnumerable<double[]> Permutations(double[] values)
    {
        if (values.Length <= 1)
        {
            yield return values;
            yield break;
        }

        for (int i = 0; i < values.Length; i++)
        {
            double[] rest = [.. values[..i], .. values[(i + 1)..]];
            foreach (double[] tail in Permutations(rest))
            {
                yield return [values[i], .. tail];
            }
        }
    }
}
