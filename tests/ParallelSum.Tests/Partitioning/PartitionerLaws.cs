namespace ParallelSum.Tests.Partitioning;

/// <summary>The <see cref="IndexRangePartitioner"/> contract as a reusable check: apply it to any partitioner in one line.</summary>
public static class PartitionerLaws
{
    /// <summary>Asks for <paramref name="partitionCount"/> partitions, enumerates them concurrently as the engine does, and checks
    /// that there are exactly that many and that their ranges cover [0, count) exactly once.</summary>
    public static void CoversExactlyOnce(IndexRangePartitioner partitioner, long count, int partitionCount)
    {
        IReadOnlyList<IEnumerable<IndexRange>> partitions = partitioner.GetPartitions(count, partitionCount);
        Assert.NotNull(partitions);
        Assert.Equal(partitionCount, partitions.Count);

        var perWorker = new List<IndexRange>[partitions.Count];
        Parallel.For(0, partitions.Count, w => perWorker[w] = partitions[w].ToList());

        var ranges = perWorker.SelectMany(r => r).Where(r => !r.IsEmpty).OrderBy(r => r.Start).ToList();
        long next = 0;
        foreach (IndexRange range in ranges)
        {
            Assert.True(range.IsValid(count), $"{partitioner.Name}: {range} is not within [0, {count})");
            Assert.Equal(next, range.Start);
            next = range.End;
        }

        Assert.Equal(count, next);
    }
}
