using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

public sealed class OptionTextTests
{
    [Theory]
    [InlineData("1e3,1e6", new long[] { 1_000, 1_000_000 })]
    [InlineData("1000, 5e2 ,1e3", new long[] { 500, 1_000 })]
    [InlineData("2.5e6", new long[] { 2_500_000 })]
    [InlineData("1e18", new long[] { 1_000_000_000_000_000_000 })]
    public void CountList_Accepted_ParsesSortedAndDistinct(string text, long[] expected)
    {
        Assert.True(CountList.TryParse(text, out IReadOnlyList<long> counts, out _));
        Assert.Equal(expected, counts);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1e3,-5", "-5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e19", "1e19")]
    [InlineData("ten", "ten")]
    [InlineData(",", ",")]
    public void CountList_Rejected_NamesTheBadItem(string text, string bad)
    {
        Assert.False(CountList.TryParse(text, out _, out string? reported));
        Assert.Equal(bad, reported);
    }

    [Theory]
    [InlineData(1_000, "1e3")]
    [InlineData(2_500_000, "2.5e6")]
    [InlineData(1_200_000_000, "1.2e9")]
    [InlineData(1_230_000, "1.23e6")]
    [InlineData(1_234_500, "1234500")]
    [InlineData(5_000_000, "5e6")]
    [InlineData(10_000_000_000, "1e10")]
    [InlineData(999, "999")]
    public void CountList_Format(long count, string expected) => Assert.Equal(expected, CountList.Format(count));

    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("4GB", 4L << 30)]
    [InlineData("64MiB", 64L << 20)]
    [InlineData("512m", 512L << 20)]
    [InlineData("1024", 1024)]
    [InlineData("2T", 2L << 40)]
    public void ByteSize_Accepted(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-4G")]
    [InlineData("4X")]
    [InlineData("G")]
    [InlineData("1.5G")]
    [InlineData("99999999999T")]
    public void ByteSize_Rejected(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
