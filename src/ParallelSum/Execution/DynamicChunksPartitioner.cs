namespace ParallelSum.Execution;

/// <summary>Fixed-size chunks taken in index order by whichever worker is free. See <see cref="IndexRangePartitioners.DynamicChunks(long)"/>.</summary>
internal sealed class DynamicChunksPartitioner(long chunkSize) : IndexRangePartitioner
{
    // Built once: the name is read on every call and kept in every result.
    public override string Name { get; } = $"dynamic-chunks({chunkSize})";

    public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
    {
        // The cursor is shared by this run's partitions only, so the partitioner itself stays stateless.
        var cursor = new SharedCursor();
        var partitions = new IEnumerable<IndexRange>[partitionCount];
        for (int i = 0; i < partitionCount; i++)
        {
            partitions[i] = TakeChunks(cursor, count);
        }

        return partitions;
    }

    private IEnumerable<IndexRange> TakeChunks(SharedCursor cursor, long count)
    {
        while (true)
        {
            long start = Volatile.Read(ref cursor.Next);
            if (start >= count)
            {
                yield break;
            }

            // A compare-and-swap rather than Interlocked.Add: start + chunkSize may exceed long.MaxValue near the end.
            long end = start + Math.Min(chunkSize, count - start);
            if (Interlocked.CompareExchange(ref cursor.Next, end, start) == start)
            {
                yield return new IndexRange(start, end);
            }
        }
    }

    private sealed class SharedCursor
    {
        public long Next;
    }
}
