
namespace ParallelSum.Tests.Strategies;

public class BoundedIntSumTests
{
    public static TheoryData<int, int> Ranges() => new()
    {
        { 0, 10 }, { 5, 5 }, { -5, 5 }, { int.MinValue, int.MaxValue }, { int.MaxValue - 10, int.MaxValue },
        { int.MinValue, int.MinValue + 10 }, { 0, 1 << 24 }, { -(1 << 26), 1 << 26 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Of_EveryLengthUpTo300_EqualsWideSum(int min, int max)
    {
        var random = new Random(12345);
        for (int length = 0; length <= 300; length++)
        {
            int[] values = Enumerable.Range(0, length).Select(_ => (int)random.NextInt64(min, (long)max + 1)).ToArray();
            Assert.Equal(values.Sum(v => (long)v), BoundedIntSum.Of(values, min, max));
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Of_AllExtremeValues_DoesNotWrap(int min, int max)
    {
        foreach (int length in new[] { 1, 63, 64, 65, 511, 512, 513, 65_535, 65_536, 65_537, 100_000, 131_073 })
        {
            Assert.Equal((long)length * max, BoundedIntSum.Of(Enumerable.Repeat(max, length).ToArray(), min, max));
            Assert.Equal((long)length * min, BoundedIntSum.Of(Enumerable.Repeat(min, length).ToArray(), min, max));
        }
    }

    /// <summary>Random values across blocks of 2^16, where wide ranges are summed a block at a time.</summary>
    [Theory]
    [MemberData(nameof(Ranges))]
    public void Of_AroundBlockBoundaries_EqualsWideSum(int min, int max)
    {
        var random = new Random(2026);
        foreach (int length in new[] { 65_535, 65_536, 65_537, 131_072, 131_073 })
        {
            int[] values = Enumerable.Range(0, length).Select(_ => (int)random.NextInt64(min, (long)max + 1)).ToArray();
            Assert.Equal(values.Sum(v => (long)v), BoundedIntSum.Of(values, min, max));
        }
    }

    /// <summary>Both split sums (512-bit and <c>Vector&lt;int&gt;</c>), whichever the machine would pick, at every length up to
    /// 300 and at the block limit, with values anywhere in int.</summary>
    [Fact]
    public void SplitSums_OfEveryWidth_EqualWideSum()
    {
        var random = new Random(77);
        foreach (int length in Enumerable.Range(0, 301).Concat([65_535, 65_536]))
        {
            int[] values = Enumerable.Range(0, length).Select(_ => random.Next(int.MinValue, int.MaxValue) + random.Next(0, 2)).ToArray();
            long expected = values.Sum(v => (long)v);
            Assert.Equal(expected, BoundedIntSum.SumSplit512(values));
            Assert.Equal(expected, BoundedIntSum.SumSplitVector(values));
        }

        int[] extremes = [.. Enumerable.Repeat(int.MinValue, 40_000), .. Enumerable.Repeat(int.MaxValue, 25_536)];
        Assert.Equal(extremes.Sum(v => (long)v), BoundedIntSum.SumSplit512(extremes));
        Assert.Equal(extremes.Sum(v => (long)v), BoundedIntSum.SumSplitVector(extremes));
    }
}
