namespace ParallelSum.Tests.Partitioning;

/// <summary>The <see cref="IIndexRangePartitioner"/> contract as a reusable check: apply it to any partitioner in one line.</summary>
public static class PartitionerLaws
{
    /// <summary>Enumerates every sequence concurrently, as the engine does, and checks exact cover of [0, count).</summary>
    public static void CoversExactlyOnce(IIndexRangePartitioner partitioner, long count)
    {
        IReadOnlyList<IEnumerable<IndexRange>> sequences = partitioner.Partition(count);
        Assert.NotNull(sequences);
        if (count > 0)
        {
            Assert.NotEmpty(sequences);
        }

        var perWorker = new List<IndexRange>[sequences.Count];
        Parallel.For(0, sequences.Count, w => perWorker[w] = sequences[w].ToList());

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
