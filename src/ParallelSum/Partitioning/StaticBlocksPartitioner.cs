namespace ParallelSum;

/// <summary>Contiguous blocks of near-equal length, one per worker. See <see cref="IndexRangePartitioners.StaticBlocks(int)"/>.</summary>
internal sealed class StaticBlocksPartitioner(int blockCount) : IIndexRangePartitioner, IBoundedRangePartitioner
{
    // Built once: the name is read on every call and kept in every result.
    public string Name { get; } = $"static-blocks({blockCount})";

    public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count)
    {
        var blocks = new IEnumerable<IndexRange>[blockCount];
        for (int i = 0; i < blockCount; i++)
        {
            var block = new IndexRange(BlockStart(count, i), BlockStart(count, i + 1));
            blocks[i] = block.IsEmpty ? [] : [block];
        }

        return blocks;
    }

    public long MaxRangeLength(long count) => count == 0 ? 0 : (long)(((Int128)count + blockCount - 1) / blockCount);

    // floor(count * i / n) in 128 bits: exact for any count and block count, and block lengths differ by at most one.
    private long BlockStart(long count, int i) => (long)((Int128)count * i / blockCount);
}
