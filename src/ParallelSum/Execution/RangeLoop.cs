namespace ParallelSum.Execution;

/// <summary>
/// The engine: runs a body over the ranges a partitioner yields for <c>[0, count)</c>, as
/// <c>Parallel.For(from, to, options, localInit, body, localFinally)</c> does over indices. Each range is cut into steps on
/// the grid of <c>stepLength</c> (step <c>k</c> covers at most <c>[k * stepLength, (k + 1) * stepLength)</c>), and each step
/// goes to <c>body</c> with the state of the partition it belongs to.
/// </summary>
/// <remarks>
/// <para>One partition per worker (<see cref="ParallelRunOptions.WorkerCount"/>). The calling thread is a worker and can
/// finish the whole run alone: helpers queued to the thread pool take partitions nobody has started, and a helper that
/// has run for a time slice while other work waits in the pool hands its partition back (the caller or another helper goes
/// on with it) and queues itself again behind that work. So no call waits for a pool thread to start, nested and concurrent
/// runs complete however few threads the pool has, and timers and other work get a thread within a time slice. Helpers
/// run under the caller's <see cref="ExecutionContext"/>.</para>
/// <para>Every range is checked (<see cref="CoverageTracker"/>); every exception from partitioner code is wrapped in an
/// <see cref="InvalidPartitioningException"/>; the first failure stops every worker at its next step; cancellation is
/// checked before every step and every range. <c>localFinally</c> runs once for every partition whose <c>localInit</c> ran,
/// also after a failure, so resources a state holds are always released.</para>
/// </remarks>
internal static class RangeLoop
{
    /// <summary>Runs <paramref name="body"/> over every step of <c>[0, count)</c>.</summary>
    /// <returns>How the run went.</returns>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract or threw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static RangeLoopSummary Run<TLocal>(
        long count,
        long stepLength,
        ParallelRunOptions options,
        Func<TLocal> localInit,
        Func<IndexRange, TLocal, TLocal> body,
        Action<TLocal> localFinally,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IndexRangePartitioner partitioner = options.EffectivePartitioner;
        string name = PartitionerFaults.SafeName(partitioner);
        int workers = options.WorkerCount;
        IReadOnlyList<IEnumerable<IndexRange>> partitions = PartitionerFaults.Call<IReadOnlyList<IEnumerable<IndexRange>>?>(name, () => partitioner.GetPartitions(count, workers), cancellationToken)
            ?? throw new InvalidPartitioningException(name, $"returned null from GetPartitions({count}, {workers}); it must return one partition per worker.", null);
        int partitionCount = PartitionerFaults.Call<int>(name, () => partitions.Count, cancellationToken);
        if (partitionCount != workers)
        {
            throw new InvalidPartitioningException(name, $"returned {partitionCount} partitions from GetPartitions({count}, {workers}); it must return exactly {workers}, one per worker.", null);
        }

        var run = new RangeLoopRun<TLocal>(partitions, workers, name, new CoverageTracker(count, name), stepLength, localInit, body, localFinally, progress, cancellationToken);
        return run.Execute();
    }
}
