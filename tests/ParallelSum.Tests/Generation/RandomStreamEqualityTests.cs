namespace ParallelSum.Tests.Generation;

/// <summary>Two streams are equal exactly when seed, minimum and maximum all are; and Fill's guards name the bad argument.</summary>
public class RandomStreamEqualityTests
{
    public static TheoryData<RandomStream> Neighbours => new()
    {
        new RandomStream(43, 0, 10), // another seed
        new RandomStream(42, 1, 10), // another minimum
        new RandomStream(42, 0, 11), // another maximum
        new RandomStream(42, 10, 10),
    };

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Streams_DifferingInOneComponent_AreNotEqual(RandomStream other)
    {
        var stream = new RandomStream(42, 0, 10);

        Assert.False(stream.Equals(other));
        Assert.False(stream.Equals((object)other));
        Assert.False(stream == other);
        Assert.True(stream != other);
    }

    [Fact]
    public void Streams_WithTheSameSeedAndRange_AreEqual()
    {
        var stream = new RandomStream(42, -5, 7);
        var same = new RandomStream(42, -5, 7);

        Assert.True(stream.Equals(same));
        Assert.True(stream.Equals((object)same));
        Assert.True(stream == same);
        Assert.False(stream != same);
        Assert.Equal(stream.GetHashCode(), same.GetHashCode());
        Assert.False(stream.Equals("RandomStream(seed 42, [-5, 7])"));
    }

    [Fact]
    public void ToString_NamesSeedAndRange() => Assert.Equal("RandomStream(seed 42, [-5, 7])", new RandomStream(42, -5, 7).ToString());

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(long.MinValue, 0)]
    [InlineData(long.MaxValue - 2, 3)]
    public void Fill_OutsideTheIndexSpace_Refused(long startIndex, int length)
    {
        var stream = new RandomStream(42);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => stream.Fill(startIndex, new int[length]));

        Assert.Equal("startIndex", refused.ParamName);
    }

    [Fact]
    public void Fill_AtTheTopOfTheIndexSpace_MatchesValueAt()
    {
        var stream = new RandomStream(42);
        int[] values = new int[3];

        stream.Fill(long.MaxValue - 3, values);

        Assert.Equal([stream.ValueAt(long.MaxValue - 3), stream.ValueAt(long.MaxValue - 2), stream.ValueAt(long.MaxValue - 1)], values);
    }
}
