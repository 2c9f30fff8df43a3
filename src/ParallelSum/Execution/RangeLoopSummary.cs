namespace ParallelSum.Execution;

/// <summary>How one run of <see cref="RangeLoop"/> went: the most workers that held a partition at once, how many non-empty
/// ranges ran, and the partitioner's name.</summary>
internal readonly record struct RangeLoopSummary(int WorkerCount, long RangeCount, string PartitionerName);
