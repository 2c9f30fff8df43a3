using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Partitioning;

public class BuiltInPartitionerTests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void StaticBlocks_CoversExactlyOnce(PositiveInt blocks, NonNegativeInt count) =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.StaticBlocks(1 + blocks.Get % 64), count.Get);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void DynamicChunks_CoversExactlyOnce(PositiveInt chunk, PositiveInt workers, NonNegativeInt count) =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.DynamicChunks(chunk.Get, 1 + workers.Get % 8), count.Get % 200_000);

    [Fact]
    public void StaticBlocks_HugeCount_CoversExactlyOnce() =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.StaticBlocks(7), long.MaxValue);

    [Fact]
    public void DynamicChunks_ChunkNearLongMax_DoesNotOverflow() =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.DynamicChunks(long.MaxValue / 2 + 1, 3), long.MaxValue);

    [Fact]
    public void StaticBlocks_Four_SplitsLikeTheOriginalPoolButKeepsTheRemainder()
    {
        var blocks = IndexRangePartitioners.StaticBlocks(4).Partition(10).SelectMany(s => s).ToArray();
        Assert.Equal([new IndexRange(0, 2), new IndexRange(2, 5), new IndexRange(5, 7), new IndexRange(7, 10)], blocks);
    }

    [Fact]
    public void Names_SayWhatAndHowMany()
    {
        Assert.Equal("static-blocks(4)", IndexRangePartitioners.StaticBlocks(4).Name);
        Assert.Equal("dynamic-chunks(1000, 2)", IndexRangePartitioners.DynamicChunks(1000, 2).Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void StaticBlocks_BlockCountBelowOne_Throws(int blockCount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("blockCount", () => IndexRangePartitioners.StaticBlocks(blockCount));
        Assert.Contains("1 or more", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 1, "chunkSize")]
    [InlineData(-5L, 1, "chunkSize")]
    [InlineData(10L, 0, "workerCount")]
    public void DynamicChunks_BadArguments_Throw(long chunkSize, int workerCount, string parameter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(parameter, () => IndexRangePartitioners.DynamicChunks(chunkSize, workerCount));
    }
}
