namespace ParallelSum;

/// <summary>Creates the built-in <see cref="IIndexRangePartitioner"/> implementations.</summary>
public static class IndexRangePartitioners
{
    /// <summary>
    /// Splits <c>[0, count)</c> into <paramref name="blockCount"/> contiguous blocks whose lengths differ by at most one, each
    /// run by its own worker, as the original experiment's pool of 4 split its list — but no remainder is dropped.
    /// </summary>
    /// <remarks>Choose it when every index costs the same: it is deterministic, has no shared state and no per-range overhead,
    /// but cannot rebalance when a worker is slowed down. Blocks beyond the count are empty.</remarks>
    /// <param name="blockCount">How many blocks and workers, 1 or more.</param>
    /// <returns>The partitioner, named <c>static-blocks(blockCount)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockCount"/> is less than 1.</exception>
    public static IIndexRangePartitioner StaticBlocks(int blockCount)
    {
        if (blockCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, "blockCount must be 1 or more (up to 2147483647).");
        }

        return new StaticBlocksPartitioner(blockCount);
    }

    /// <summary>
    /// Hands out ranges of <paramref name="chunkSize"/> indices (the last one shorter) in index order to
    /// <paramref name="workerCount"/> workers, each taking the next chunk when it finishes one, so faster workers do more.
    /// </summary>
    /// <remarks>Choose it when workers may be slowed unevenly (other load, uneven cost per index). Each chunk costs one atomic
    /// operation and one range check, so keep chunks large enough (about 10^5 values or more for generate-and-sum) that this is noise.</remarks>
    /// <param name="chunkSize">How many indices per chunk, 1 or more.</param>
    /// <param name="workerCount">How many workers draw chunks, 1 or more.</param>
    /// <returns>The partitioner, named <c>dynamic-chunks(chunkSize, workerCount)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> or <paramref name="workerCount"/> is less than 1.</exception>
    public static IIndexRangePartitioner DynamicChunks(long chunkSize, int workerCount)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "chunkSize must be 1 or more (up to 9223372036854775807).");
        }

        if (workerCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workerCount), workerCount, "workerCount must be 1 or more (up to 2147483647).");
        }

        return new DynamicChunksPartitioner(chunkSize, workerCount);
    }

    /// <summary>Gets the default partitioner: one static block per processor (<see cref="Environment.ProcessorCount"/>).</summary>
    /// <returns><see cref="StaticBlocks(int)"/> with <see cref="Environment.ProcessorCount"/> blocks.</returns>
    public static IIndexRangePartitioner Default() => StaticBlocks(Environment.ProcessorCount);
}
