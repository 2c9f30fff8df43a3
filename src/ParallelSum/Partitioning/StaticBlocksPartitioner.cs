namespace ParallelSum;

/// <summary>Contiguous blocks of near-equal length, one per worker. See <see cref="IndexRangePartitioners.StaticBlocks(int)"/>.</summary>
internal sealed class StaticBlocksPartitioner(int blockCount) : IIndexRangePartitioner, IBoundedRangePartitioner
{
    private readonly int _blockCount = blockCount;

    // Built once: the name is read on every call and kept in every result.
    public string Name { get; } = $"static-blocks({blockCount})";

    // Blocks are computed when a worker takes them: a million blocks cost nothing up front, and an empty one allocates nothing.
    public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => new Blocks(this, count);

    public long MaxRangeLength(long count) => count == 0 ? 0 : (long)(((Int128)count + _blockCount - 1) / _blockCount);

    // floor(count * i / n) in 128 bits: exact for any count and block count, and block lengths differ by at most one.
    private long BlockStart(long count, int i) => (long)((Int128)count * i / _blockCount);

    private sealed class Blocks(StaticBlocksPartitioner partitioner, long count) : IReadOnlyList<IEnumerable<IndexRange>>
    {
        public int Count => partitioner._blockCount;

        public IEnumerable<IndexRange> this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var block = new IndexRange(partitioner.BlockStart(count, index), partitioner.BlockStart(count, index + 1));
                return block.IsEmpty ? [] : [block];
            }
        }

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
