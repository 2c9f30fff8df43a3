namespace ParallelSum.Experiment.Sweep;

/// <summary>One trial of a sweep: a strategy, a count, (for the partitioned strategies) a number of static blocks, and
/// (for a pool) a number of worker processes.</summary>
/// <param name="Strategy">A name from <see cref="Strategies.LibraryStrategies.Names"/>.</param>
/// <param name="Count">How many values to generate and sum.</param>
/// <param name="Partitions">Static blocks (and workers) for the partitioned strategies; <see langword="null"/> for the library's default.</param>
/// <param name="Processes">Worker processes of a pool that runs the strategy, each on its share; <see langword="null"/> to run it in the trial's process.</param>
internal sealed record TrialSpec(string Strategy, long Count, int? Partitions, int? Processes = null)
{
    /// <summary>The strategy with its partitioning and pool, as tables and charts name a series: <c>streaming</c>,
    /// <c>streaming/p4</c>, <c>naive-list/pool4</c>.</summary>
    public string Series => (Partitions is int p ? $"{Strategy}/p{p}" : Strategy) + (Processes is int k ? $"{Strategies.StrategyChoice.PoolSuffix}{k}" : "");
}
