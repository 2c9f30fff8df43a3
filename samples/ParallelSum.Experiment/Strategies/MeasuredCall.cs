using ParallelSum.Experiment.Pool;

namespace ParallelSum.Experiment.Strategies;

/// <summary>One generate-and-sum call as the experiment measured it.</summary>
/// <param name="Name">The <see cref="StrategyChoice.Name"/> that ran.</param>
/// <param name="Sum">The exact sum.</param>
/// <param name="Elapsed">The call's wall-clock time: for a pool, from before its first worker started to the last partial sum added.</param>
/// <param name="Workers">Threads of the strategy in this process, or worker processes of a pool.</param>
/// <param name="Ranges">Index ranges the work was split into (a pool's shares).</param>
/// <param name="Partitioner">How the work was split: the library's partitioner name, <c>pool(K)</c>, or <see langword="null"/>.</param>
/// <param name="Pool">The pool's workers, or <see langword="null"/> for a call in this process.</param>
internal sealed record MeasuredCall(string Name, Int128 Sum, TimeSpan Elapsed, int Workers, long Ranges, string? Partitioner, PoolRun? Pool);
