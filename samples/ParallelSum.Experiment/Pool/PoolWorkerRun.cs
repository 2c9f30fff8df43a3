namespace ParallelSum.Experiment.Pool;

/// <summary>One worker of a pool's call, as it reported itself.</summary>
/// <param name="Share">The indices it summed.</param>
/// <param name="Sum">Its partial sum.</param>
/// <param name="Elapsed">Its own time in its strategy, process start-up not included.</param>
/// <param name="Reported">From the pool's start to the moment its partial sum arrived.</param>
/// <param name="ProcessCpuSeconds">The CPU time of its whole process, start-up included, when it reported.</param>
/// <param name="PeakWorkingSetBytes">Its process's peak resident set.</param>
internal sealed record PoolWorkerRun(PoolShare Share, Int128 Sum, TimeSpan Elapsed, TimeSpan Reported, double ProcessCpuSeconds, long PeakWorkingSetBytes);
