namespace ParallelSum;

/// <summary>What a strategy's core returns to <see cref="GenerateAndSumStrategy"/>: the exact sum, and how the work was spread.</summary>
/// <param name="Sum">The exact sum of the requested values.</param>
/// <param name="WorkerCount">The most workers that ran at once; 1 for work on one thread.</param>
/// <param name="RangeCount">How many non-empty index ranges the work was split into.</param>
/// <param name="Partitioner">The name of the partitioner used, or <see langword="null"/> when the strategy does not partition.</param>
public readonly record struct GenerateAndSumRun(Int128 Sum, int WorkerCount, long RangeCount, string? Partitioner);
