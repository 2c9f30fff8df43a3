using FsCheck;
using FsCheck.Xunit;

namespace ParallelSum.Tests.Partitioning;

/// <summary>
/// The longest range a built-in partitioner announces (what strategies check before they allocate) is the longest range it
/// then yields: checked against the ranges themselves, not against a second copy of the formula.
/// </summary>
public class RangeBoundTests
{
    [Property(MaxTest = 300)]
    public void StaticBlocks_AnnouncedBound_IsTheLongestBlock(PositiveInt blocks, NonNegativeInt count)
    {
        int blockCount = 1 + (blocks.Get % 70);
        Assert.Equal(LongestYielded(IndexRangePartitioners.StaticBlocks(blockCount), count.Get), Bound(IndexRangePartitioners.StaticBlocks(blockCount), count.Get));
    }

    [Property(MaxTest = 300)]
    public void DynamicChunks_AnnouncedBound_IsTheLongestChunk(PositiveInt chunk, NonNegativeInt count)
    {
        long chunkSize = 1 + (chunk.Get % 5000);
        long total = count.Get % 100_000;
        Assert.Equal(LongestYielded(IndexRangePartitioners.DynamicChunks(chunkSize, 3), total), Bound(IndexRangePartitioners.DynamicChunks(chunkSize, 3), total));
    }

    [Theory]
    [InlineData(4, 10, 3)] // blocks of 2, 3, 2, 3: the remainder makes some blocks one longer
    [InlineData(4, 12, 3)] // exact division: no block is longer
    [InlineData(4, 13, 4)]
    [InlineData(4, 3, 1)] // fewer values than blocks: some blocks are empty, none is longer than 1
    [InlineData(1, 7, 7)]
    [InlineData(3, 0, 0)]
    [InlineData(7, long.MaxValue, 1317624576693539401)] // 2^63 - 1 is a multiple of 7
    [InlineData(int.MaxValue, long.MaxValue, 4294967299)] // ceil((2^63 - 1) / (2^31 - 1)), in 128 bits
    public void StaticBlocks_Bound_Examples(int blockCount, long count, long expected) =>
        Assert.Equal(expected, Bound(IndexRangePartitioners.StaticBlocks(blockCount), count));

    [Theory]
    [InlineData(10, 1000, 10)]
    [InlineData(10, 3, 3)] // fewer values than one chunk: the only chunk is the whole count
    [InlineData(10, 0, 0)]
    [InlineData(long.MaxValue, long.MaxValue, long.MaxValue)]
    public void DynamicChunks_Bound_Examples(long chunkSize, long count, long expected) =>
        Assert.Equal(expected, Bound(IndexRangePartitioners.DynamicChunks(chunkSize, 2), count));

    [Fact]
    public void StaticBlocks_MoreBlocksThanValues_EmptyBlocksYieldNoRange()
    {
        // Blocks start at floor(3 * i / 4) = 0, 0, 1, 2 (end 3): the first block is empty and so yields nothing at all.
        IReadOnlyList<IEnumerable<IndexRange>> blocks = IndexRangePartitioners.StaticBlocks(4).Partition(3);

        Assert.Equal([[], [new IndexRange(0, 1)], [new IndexRange(1, 2)], [new IndexRange(2, 3)]], blocks.Select(block => block.ToArray()));
    }

    private static long Bound(IIndexRangePartitioner partitioner, long count) => ((IBoundedRangePartitioner)partitioner).MaxRangeLength(count);

    private static long LongestYielded(IIndexRangePartitioner partitioner, long count) =>
        partitioner.Partition(count).SelectMany(ranges => ranges).Select(range => range.Length).DefaultIfEmpty(0).Max();
}
