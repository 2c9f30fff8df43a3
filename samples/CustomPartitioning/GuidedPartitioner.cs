using ParallelSum;

namespace CustomPartitioning;

/// <summary>
/// Guided scheduling (OpenMP's <c>schedule(guided)</c>): each worker takes a chunk of the remaining indices divided by
/// twice the worker count, never less than <paramref name="minimumChunk"/>, so chunks start large (little overhead) and
/// shrink as work runs out (good balance at the end).
/// </summary>
/// <remarks>Stateless between calls: the shared cursor belongs to one <see cref="Partition(long)"/> call. Thread-safe:
/// workers advance the cursor with a compare-and-swap, so every index is handed out exactly once.</remarks>
public sealed class GuidedPartitioner(int workerCount, long minimumChunk) : IIndexRangePartitioner
{
    public string Name => $"guided({workerCount}, min {minimumChunk})";

    public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
    {
        var cursor = new Cursor();
        return Enumerable.Range(0, workerCount).Select(_ => Take(cursor, count)).ToArray();
    }

    private IEnumerable<IndexRange> Take(Cursor cursor, long count)
    {
        while (true)
        {
            long start = Volatile.Read(ref cursor.Next);
            if (start >= count)
            {
                yield break;
            }

            long remaining = count - start;
            long chunk = Math.Min(remaining, Math.Max(minimumChunk, remaining / (2L * workerCount)));
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
