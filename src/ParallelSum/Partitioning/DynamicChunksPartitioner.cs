namespace ParallelSum;

/// <summary>Fixed-size chunks taken in index order by whichever worker is free. See <see cref="IndexRangePartitioners.DynamicChunks(long, int)"/>.</summary>
internal sealed class DynamicChunksPartitioner(long chunkSize, int workerCount) : IIndexRangePartitioner, IBoundedRangePartitioner
{
    // Built once: the name is read on every call and kept in every result.
    public string Name { get; } = $"dynamic-chunks({chunkSize}, {workerCount})";

    public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
    {
        // The cursor is shared by this call's workers only, so the partitioner itself stays stateless.
        var cursor = new SharedCursor();
        var workers = new IEnumerable<IndexRange>[workerCount];
        for (int i = 0; i < workerCount; i++)
        {
            workers[i] = TakeChunks(cursor, count);
        }

        return workers;
    }

    public long MaxRangeLength(long count) => Math.Min(count, chunkSize);

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
