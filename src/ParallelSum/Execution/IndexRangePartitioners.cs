using System.Collections.Concurrent;

namespace ParallelSum.Execution;

/// <summary>Creates the built-in <see cref="IndexRangePartitioner"/> implementations.</summary>
/// <remarks>None of them decides how many workers run: that is <see cref="ParallelRunOptions.MaxDegreeOfParallelism"/>.
/// All are stateless and safe to share between runs and threads.</remarks>
public static class IndexRangePartitioners
{
    private static readonly StaticBlocksPartitioner StaticBlocksInstance = new();

    /// <summary>
    /// Splits <c>[0, count)</c> into one contiguous block per partition, lengths differing by at most one, as the original
    /// experiment's pool of 4 split its list — but no remainder is dropped. The default of every run.
    /// </summary>
    /// <remarks>Choose it when every index costs the same: deterministic, no shared state and no per-range cost, but it
    /// cannot rebalance when a worker is slowed down (a free worker takes a block nobody has started, never part of one).</remarks>
    /// <returns>The partitioner, named <c>static-blocks</c>.</returns>
    public static IndexRangePartitioner StaticBlocks() => StaticBlocksInstance;

    /// <summary>
    /// Hands out ranges of <paramref name="chunkSize"/> indices (the last one shorter) in index order, each worker taking the
    /// next chunk when it finishes one, so faster workers do more.
    /// </summary>
    /// <remarks>Choose it when workers may be slowed unevenly (other load, uneven cost per index). Each chunk costs one atomic
    /// operation and one range check, about 0.2 µs: keep chunks large enough (10^5 values or more for generate-and-sum)
    /// that this is noise.</remarks>
    /// <param name="chunkSize">How many indices per chunk, 1 or more.</param>
    /// <returns>The partitioner, named <c>dynamic-chunks(chunkSize)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is less than 1.</exception>
    public static IndexRangePartitioner DynamicChunks(long chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new DynamicChunksPartitioner(chunkSize);
    }

    /// <summary>
    /// Uses a BCL range partitioner, such as <c>Partitioner.Create(0L, count, rangeSize)</c> from
    /// <see cref="System.Collections.Concurrent"/>, as an index range partitioner; the implicit conversion from
    /// <see cref="Partitioner{TSource}"/> of <c>Tuple&lt;long, long&gt;</c> does the same.
    /// </summary>
    /// <remarks>A BCL range partitioner covers the range it was created for: use it for runs of exactly that count. Its
    /// ranges are checked like any partitioner's; one created for another count ends the run with an
    /// <see cref="InvalidPartitioningException"/> naming the indices left out or the range out of bounds.</remarks>
    /// <param name="ranges">The BCL partitioner; its tuples are <c>[from, to)</c>.</param>
    /// <returns>The partitioner, named <c>ranges(type)</c> after the BCL partitioner's type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is <see langword="null"/>.</exception>
    public static IndexRangePartitioner FromRanges(Partitioner<Tuple<long, long>> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return new RangePartitionerAdapter(ranges);
    }
}
