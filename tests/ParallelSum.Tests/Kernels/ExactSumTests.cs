using ParallelSum.Kernels;

namespace ParallelSum.Tests.Kernels;

public class ExactSumTests
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
            Assert.Equal(values.Sum(v => (long)v), ExactSum.Of(values, min, max));
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Of_AllExtremeValues_DoesNotWrap(int min, int max)
    {
        foreach (int length in new[] { 1, 63, 64, 65, 511, 512, 513, 65_535, 65_536, 65_537, 100_000, 131_073 })
        {
            Assert.Equal((long)length * max, ExactSum.Of(Enumerable.Repeat(max, length).ToArray(), min, max));
            Assert.Equal((long)length * min, ExactSum.Of(Enumerable.Repeat(min, length).ToArray(), min, max));
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
            Assert.Equal(values.Sum(v => (long)v), ExactSum.Of(values, min, max));
        }
    }
}
