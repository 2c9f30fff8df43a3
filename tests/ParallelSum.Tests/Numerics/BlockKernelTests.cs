using FsCheck;
using FsCheck.Fluent;
using ParallelSum.Numerics;
using ParallelSum.Tests.Kernels;
using Xunit.Abstractions;
using static ParallelSum.Tests.Numerics.KernelWidths;

namespace ParallelSum.Tests.Numerics;

/// <summary>The exact block kernel at each vector width, called directly, against the oracle: every length 0..256 (each tail
/// path), lengths around the 2048-value block and its runs, every plan (two levels, three, many, value by value, zeros,
/// special values) and NaN at every lane position. A width this machine does not accelerate is skipped, saying so; CI runs
/// these tests again with wider instruction sets turned off.</summary>
public class BlockKernelTests(ITestOutputHelper output)
{
    private static readonly int[] AllWidths = [512, 256, 128, 64];

    private static readonly int[] BlockEdges = [511, 512, 513, 2047, 2048, 2049, 4095, 4096, 4097, 6143, 6144, 6145, 8191, 8193];

    public static TheoryData<int> Widths() => new(512, 256, 128, 64);

    [SkippableFact]
    public void Kernel_RunsAtTheWidthThisRunExpects()
    {
        output.WriteLine($"exact-sum kernel width: {BinnedBlockKernels.Width}");
        string? expected = Environment.GetEnvironmentVariable(VectorKernelTests.ExpectedWidthVariable);
        Skip.If(expected is null, $"{VectorKernelTests.ExpectedWidthVariable} is not set; this run takes the widest width the machine accelerates.");
        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BinnedBlockKernels.Width);
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void EveryLength_OfEveryShape_EqualsTheOracle(int width)
    {
        SkipUnlessAccelerated(width);
        var random = new Random(width);
        foreach (int length in Enumerable.Range(0, 257).Concat(BlockEdges))
        {
            foreach (Func<int, double> shape in Shapes(random))
            {
                double[] values = [.. Enumerable.Range(0, length).Select(shape)];
                AssertExact(width, values);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void GeneratedArrays_EqualTheOracle(int width)
    {
        SkipUnlessAccelerated(width);
        foreach (double[] values in Gen.Sample(AdversarialDoubles.Arrays(), 50, new Rnd((ulong)width), 120))
        {
            AssertExact(width, values);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void NaNAndInfinity_AtEveryLanePosition_AreNeverLost(int width)
    {
        SkipUnlessAccelerated(width);
        foreach (int length in new[] { 1, 7, 8, 31, 32, 33, 64, 2048, 2049, 4096 + 40 })
        {
            // Positions near the start, across the first vectors and unrolled steps, and at the end of each block.
            foreach (int at in Enumerable.Range(0, Math.Min(length, 40)).Concat([length - 1, Math.Min(length - 1, 2047), Math.Min(length - 1, 2048)]).Distinct())
            {
                double[] values = [.. Enumerable.Range(0, length).Select(i => 1.0 + (i % 3))];
                values[at] = double.NaN;
                Assert.True(double.IsNaN(Sum(width, values)), $"width {width}, length {length}: NaN at {at} lost");
                values[at] = double.NegativeInfinity;
                Assert.Equal(double.NegativeInfinity, Sum(width, values));
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void Runs_LongerThanTheIntegerBudget_AreFlushedExactly(int width)
    {
        SkipUnlessAccelerated(width);
        // Values of one binade with a 42-bit spread of low bits, 2.3 runs long: every level's integer sum is near its budget.
        int length = (2 * BinnedBlockSum<Vector512Lanes, System.Runtime.Intrinsics.Vector512<double>>.MaxTwoLevelRun) + 300_001;
        double[] values = new double[length];
        Int128 scaled = 0;
        for (int i = 0; i < length; i++)
        {
            // (2^52 + k)·2^-52 with k < 2^40: multiples of 2^-52 in [1, 2), whose exact sum an Int128 of units of 2^-52 holds.
            long k = (i * 0x9E3779B97L) & ((1L << 40) - 1);
            values[i] = ((1L << 52) + k) * Math.ScaleB(1.0, -52);
            scaled += (1L << 52) + k;
        }

        double expected = BigIntegerOracle.FromScaled((System.Numerics.BigInteger)scaled << (1074 - 52));
        Assert.Equal(ExactSumOracleTests.Bits(expected), ExactSumOracleTests.Bits(Sum(width, values)));
    }

    [Fact]
    public void EveryWidth_GivesTheSameBits_AsTheOthers()
    {
        int[] widths = [.. AllWidths.Where(IsAccelerated)];
        foreach (double[] values in Gen.Sample(AdversarialDoubles.Arrays(), 60, new Rnd(99UL), 50))
        {
            long[] bits = [.. widths.Select(w => ExactSumOracleTests.Bits(Sum(w, values)))];
            Assert.All(bits, b => Assert.Equal(bits[0], b));
        }
    }

    private static IEnumerable<Func<int, double>> Shapes(Random random)
    {
        double[] pool = [.. Enumerable.Range(0, 64).Select(_ => random.NextDouble())];
        yield return i => pool[i % 64] - 0.5;                                       // two levels
        yield return i => i % 97 == 5 ? 1e-12 : pool[i % 64];                      // three levels in some blocks
        yield return i => i % 89 == 3 ? 1e-200 * pool[i % 64] : pool[i % 64] - 0.3;  // many levels
        yield return i => i % 2 == 0 ? 1e300 : -1e300 + (i % 5);                   // huge, value by value
        yield return i => (i % 3 - 1) * double.Epsilon * (1 + (i % 7));             // subnormals only
        yield return i => i % 11 == 0 ? -0.0 : 0.0;                                 // zeros only
        yield return i => i % 13 == 0 ? 0.0 : pool[i % 64] * Math.ScaleB(1, -1000); // a zero in every block, tiny values
        yield return i => i % 17 == 0 ? Math.ScaleB(1.0, -1060) : 0.25;                           // the tiniest subnormals among ordinary values
    }

    private static void AssertExact(int width, double[] values) =>
        Assert.True(
            ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values)) == ExactSumOracleTests.Bits(Sum(width, values)),
            $"width {width}, {values.Length} values: kernel {Sum(width, values):R}, oracle {BigIntegerOracle.Sum(values):R}");
}
