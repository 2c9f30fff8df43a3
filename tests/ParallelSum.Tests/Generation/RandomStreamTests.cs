using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Generation;

public class RandomStreamTests
{
    [Fact]
    public void Constructor_MaxBelowMin_ThrowsNamingMax()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomStream(1, 5, 4));
        Assert.Equal("max", e.ParamName);
    }

    [Fact]
    public void ValueAt_NegativeIndex_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("index", () => new RandomStream(1).ValueAt(-1));
    }

    [Fact]
    public void Fill_PastLongMaxValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("startIndex", () => new RandomStream(1).Fill(long.MaxValue - 1, new int[2]));
    }

    [Fact]
    public void Sum_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("count", () => new RandomStream(1).ReferenceSum(0, -1));
    }

    [Fact]
    public void RangeSize_FullIntRange_Is2To32()
    {
        Assert.Equal(1UL << 32, new RandomStream(0, int.MinValue, int.MaxValue).RangeSize);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool ValueAt_EqualsSpecReference_AndLiesInRange(StreamCase c, NonNegativeInt index)
    {
        long i = c.Offset + index.Get;
        int value = c.Stream.ValueAt(i);
        return value == SpecReference.Value(c.Stream.Seed, (ulong)i, c.Stream.Min, c.Stream.Max)
            && value >= c.Stream.Min && value <= c.Stream.Max;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Fill_FromAnyOffset_EqualsValueAt(StreamCase c, byte length)
    {
        var values = new int[length];
        c.Stream.Fill(c.Offset, values);
        return values.Select((v, k) => v == c.Stream.ValueAt(c.Offset + k)).All(ok => ok);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Sum_EqualsSpecReference(StreamCase c, ushort count) =>
        c.Stream.ReferenceSum(c.Offset, count) == SpecReference.Sum(c.Stream.Seed, c.Offset, count, c.Stream.Min, c.Stream.Max);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Sum_OfSplitRanges_EqualsWhole(StreamCase c, ushort count, ushort split)
    {
        long k = count == 0 ? 0 : split % (count + 1);
        return c.Stream.ReferenceSum(c.Offset, k) + c.Stream.ReferenceSum(c.Offset + k, count - k) == c.Stream.ReferenceSum(c.Offset, count);
    }
}
