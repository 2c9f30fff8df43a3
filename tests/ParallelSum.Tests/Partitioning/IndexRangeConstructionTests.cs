namespace ParallelSum.Tests.Partitioning;

/// <summary><see cref="IndexRange"/>: construction from a start and a length, validity against a count, and its text.</summary>
public class IndexRangeConstructionTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 3)]
    [InlineData(long.MaxValue, 0)]
    [InlineData(0, long.MaxValue)]
    [InlineData(long.MaxValue - 10, 10)]
    public void FromStartAndLength_EndsWhereTheLengthSays(long start, long length)
    {
        IndexRange range = IndexRange.FromStartAndLength(start, length);

        Assert.Equal(start, range.Start);
        Assert.Equal(start + length, range.End);
        Assert.Equal(length, range.Length);
        Assert.Equal(length == 0, range.IsEmpty);
    }

    [Theory]
    [InlineData(-1, 0, "start")]
    [InlineData(long.MinValue, 5, "start")]
    [InlineData(0, -1, "length")]
    [InlineData(long.MaxValue - 10, 11, "start")] // the end would be past long.MaxValue
    [InlineData(long.MaxValue, 1, "start")]
    public void FromStartAndLength_Refused_NamesTheArgument(long start, long length, string parameter)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => IndexRange.FromStartAndLength(start, length));

        Assert.Equal(parameter, refused.ParamName);
    }

    [Theory]
    [InlineData(0, 0, 0, true)]
    [InlineData(0, 10, 10, true)]
    [InlineData(3, 7, 10, true)]
    [InlineData(10, 10, 10, true)] // empty, at the end
    [InlineData(0, 11, 10, false)] // past the end
    [InlineData(-1, 5, 10, false)] // before the start
    [InlineData(6, 5, 10, false)] // reversed
    public void IsValid_WithinZeroAndCount_StartNotAfterEnd(long start, long end, long count, bool valid) =>
        Assert.Equal(valid, new IndexRange(start, end).IsValid(count));

    [Fact]
    public void ToString_IsHalfOpenInterval() => Assert.Equal("[3, 7)", new IndexRange(3, 7).ToString());

    [Fact]
    public void Equality_ByStartAndEnd()
    {
        Assert.Equal(new IndexRange(1, 2), IndexRange.FromStartAndLength(1, 1));
        Assert.NotEqual(new IndexRange(1, 2), new IndexRange(1, 3));
        Assert.NotEqual(new IndexRange(0, 2), new IndexRange(1, 2));
    }
}
