namespace ParallelSum.Execution;

/// <summary>How a partitioned run went: at most how many workers ran at once, how many non-empty ranges ran, and the partitioner's name.</summary>
internal readonly record struct PartitionedRunSummary(int WorkerCount, long RangeCount, string PartitionerName);
