namespace ParallelSum.Experiment;

/// <summary>The options of the <c>run</c> command, validated.</summary>
/// <param name="Request">The request every strategy runs.</param>
/// <param name="Strategies">The names to run, in order: <see cref="Strategies.StrategyChoice"/> names, or the distributed strategy.</param>
/// <param name="Partitions">Static blocks for the partitioned strategies in a process of their own; <see langword="null"/> for the library's default.</param>
/// <param name="Json">Print JSON instead of a table.</param>
/// <param name="InProcess">Run every strategy in this process rather than one child process each.</param>
/// <param name="Warmup">Untimed calls before the timed one.</param>
/// <param name="Cluster">Where the distributed strategy finds its cluster, when it runs.</param>
internal sealed record RunOptions(GenerateAndSumRequest Request, IReadOnlyList<string> Strategies, int? Partitions, bool Json, bool InProcess, int Warmup = 0, ClusterTarget? Cluster = null);
