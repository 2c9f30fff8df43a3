using ParallelSum.Execution;

namespace CustomPartitioning;

/// <summary>
/// Guided scheduling (OpenMP's <c>schedule(guided)</c>): each worker takes a chunk of the remaining indices divided by
/// twice the number of partitions, never less than <paramref name="minimumChunk"/>, so chunks start large (little overhead)
/// and shrink as work runs out (good balance at the end).
/// </summary>
/// <remarks>Stateless between calls: the shared cursor belongs to one <see cref="GetPartitions(long, int)"/> call. Thread-safe:
/// partitions advance the cursor with a compare-and-swap, so every index is handed out exactly once.</remarks>
public sealed class GuidedPartitioner(long minimumChunk) : IndexRangePartitioner
{
    /// <inheritdoc />
    public override string Name => $"guided(min {minimumChunk})";

    /// <inheritdoc />
    public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
    {
        var cursor = new Cursor();
        return [.. Enumerable.Range(0, partitionCount).Select(_ => Take(cursor, count, partitionCount))];
    }

    private IEnumerable<IndexRange> Take(Cursor cursor, long count, int partitionCount)
    {
        while (true)
        {
            long start = Volatile.Read(ref cursor.Next);
            if (start >= count)
            {
                yield break;
            }

            long remaining = count - start;
            long chunk = Math.Min(remaining, Math.Max(minimumChunk, remaining / (2L * partitionCount)));
            if (Interlocked.CompareExchange(ref cursor.Next, start + chunk, start) == start)
            {
                yield return new IndexRange(start, start + chunk);
            }
        }
    }

    private sealed class Cursor
    {
        public long Next;
    }
}
