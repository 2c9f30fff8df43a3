using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Xunit;

namespace ParallelSum.Tests.Partitioning;

public class BuiltInPartitionerTests
{
    [Property(MaxTest = 200)]
    public void StaticBlocks_CoversExactlyOnce(PositiveInt partitions, NonNegativeInt count) =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.StaticBlocks(), count.Get, 1 + (partitions.Get % 64));

    [Property(MaxTest = 200)]
    public void DynamicChunks_CoversExactlyOnce(PositiveInt chunk, PositiveInt partitions, NonNegativeInt count) =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.DynamicChunks(chunk.Get), count.Get % 200_000, 1 + (partitions.Get % 8));

    [Property(MaxTest = 100)]
    public void BclRangePartitioner_CoversExactlyOnce(PositiveInt rangeSize, PositiveInt partitions, PositiveInt count) =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.FromRanges(Partitioner.Create(0L, 1 + (count.Get % 200_000), rangeSize.Get)), 1 + (count.Get % 200_000), 1 + (partitions.Get % 8));

    [Property(MaxTest = 300)]
    public void StaticBlocks_LengthsDifferByAtMostOne(PositiveInt partitions, NonNegativeInt count)
    {
        int blocks = 1 + (partitions.Get % 70);
        long[] lengths = [.. IndexRangePartitioners.StaticBlocks().GetPartitions(count.Get, blocks).Select(p => p.Sum(r => r.Length))];
        Assert.InRange(lengths.Max() - lengths.Min(), 0, 1);
    }

    [Fact]
    public void StaticBlocks_HugeCount_CoversExactlyOnce() =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.StaticBlocks(), long.MaxValue, 7);

    [Fact]
    public void StaticBlocks_MostWorkers_HugeCount_CoversExactlyOnce() =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.StaticBlocks(), long.MaxValue, ParallelRunOptions.MaxWorkerCount);

    [Fact]
    public void DynamicChunks_ChunkNearLongMax_DoesNotOverflow() =>
        PartitionerLaws.CoversExactlyOnce(IndexRangePartitioners.DynamicChunks((long.MaxValue / 2) + 1), long.MaxValue, 3);

    [Fact]
    public void StaticBlocks_Four_SplitsLikeTheOriginalPoolButKeepsTheRemainder()
    {
        IndexRange[] blocks = [.. IndexRangePartitioners.StaticBlocks().GetPartitions(10, 4).SelectMany(s => s)];
        Assert.Equal([new IndexRange(0, 2), new IndexRange(2, 5), new IndexRange(5, 7), new IndexRange(7, 10)], blocks);
    }

    [Fact]
    public void StaticBlocks_MoreBlocksThanValues_EmptyBlocksYieldNoRange()
    {
        // Blocks start at floor(3 * i / 4) = 0, 0, 1, 2 (end 3): the first block is empty and so yields nothing at all.
        IReadOnlyList<IEnumerable<IndexRange>> blocks = IndexRangePartitioners.StaticBlocks().GetPartitions(3, 4);

        Assert.Equal([[], [new IndexRange(0, 1)], [new IndexRange(1, 2)], [new IndexRange(2, 3)]], blocks.Select(block => block.ToArray()));
        Assert.Equal(4, blocks.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => blocks[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => blocks[-1]);
    }

    [Fact]
    public void DynamicChunks_HandOutChunksInIndexOrder_ToWhicheverPartitionAsks()
    {
        IReadOnlyList<IEnumerable<IndexRange>> partitions = IndexRangePartitioners.DynamicChunks(4).GetPartitions(10, 2);
        using IEnumerator<IndexRange> first = partitions[0].GetEnumerator(), second = partitions[1].GetEnumerator();
        var taken = new List<IndexRange>();

        Assert.True(first.MoveNext());
        taken.Add(first.Current);
        Assert.True(second.MoveNext());
        taken.Add(second.Current);
        Assert.True(first.MoveNext());
        taken.Add(first.Current);

        Assert.Equal([new IndexRange(0, 4), new IndexRange(4, 8), new IndexRange(8, 10)], taken);
        Assert.False(second.MoveNext());
        Assert.False(first.MoveNext());
    }
}
