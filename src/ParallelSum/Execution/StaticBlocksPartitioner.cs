namespace ParallelSum.Execution;

/// <summary>One contiguous block of near-equal length per partition. See <see cref="IndexRangePartitioners.StaticBlocks"/>.</summary>
internal sealed class StaticBlocksPartitioner : IndexRangePartitioner
{
    public override string Name => "static-blocks";

    // Blocks are computed when a worker takes them: many partitions cost nothing up front, and an empty one allocates nothing.
    public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) => new Blocks(count, partitionCount);

    /// <summary>Block <paramref name="index"/> of <paramref name="count"/> indices split into <paramref name="blockCount"/>:
    /// <c>[floor(count * i / n), floor(count * (i + 1) / n))</c> in 128 bits, exact for any count, with lengths that differ by at most one.</summary>
    internal static IndexRange Block(long count, int blockCount, int index) =>
        new((long)((Int128)count * index / blockCount), (long)((Int128)count * (index + 1) / blockCount));

    private sealed class Blocks(long count, int blockCount) : IReadOnlyList<IEnumerable<IndexRange>>
    {
        public int Count => blockCount;

        public IEnumerable<IndexRange> this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, blockCount);
                IndexRange block = Block(count, blockCount, index);
                return block.IsEmpty ? [] : [block];
            }
        }

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator()
        {
            for (int i = 0; i < blockCount; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
