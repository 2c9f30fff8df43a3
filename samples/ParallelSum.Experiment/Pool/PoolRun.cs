namespace ParallelSum.Experiment.Pool;

/// <summary>A pool's call that succeeded: the exact sum of every worker's partial sum, and how each worker ran.</summary>
/// <param name="Sum">The sum of the partial sums, added exactly.</param>
/// <param name="Elapsed">From before the first worker was started to the last partial sum added: the cost a caller of
/// <c>Pool(K).map</c> sees, process starts included.</param>
/// <param name="Workers">Each worker, in share order.</param>
internal sealed record PoolRun(Int128 Sum, TimeSpan Elapsed, IReadOnlyList<PoolWorkerRun> Workers)
{
    /// <summary>The slowest worker's own time in its strategy: what the pool would take with free process starts.</summary>
    public TimeSpan SlowestWorkerElapsed => Workers.Count == 0 ? TimeSpan.Zero : Workers.Max(w => w.Elapsed);

    /// <summary>The workers' peak working sets added up: at most what the pool held at once.</summary>
    public long WorkersPeakWorkingSetBytes => Workers.Sum(w => w.PeakWorkingSetBytes);

    /// <summary>The largest peak working set of one worker.</summary>
    public long LargestWorkerPeakWorkingSetBytes => Workers.Count == 0 ? 0 : Workers.Max(w => w.PeakWorkingSetBytes);

    /// <summary>The CPU time of every worker process, start-up included.</summary>
    public double WorkersCpuSeconds => Workers.Sum(w => w.ProcessCpuSeconds);
}
