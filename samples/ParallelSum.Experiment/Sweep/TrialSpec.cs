namespace ParallelSum.Experiment.Sweep;

/// <summary>One trial of a sweep: a strategy, a count and (for the partitioned strategies) a number of static blocks.</summary>
/// <param name="Strategy">A name from <see cref="Strategies.LibraryStrategies.Names"/>.</param>
/// <param name="Count">How many values to generate and sum.</param>
/// <param name="Partitions">Static blocks (and workers) for the partitioned strategies; <see langword="null"/> for the library's default.</param>
internal sealed record TrialSpec(string Strategy, long Count, int? Partitions)
{
    /// <summary>The strategy with its partitioning, as tables and charts name a series: <c>streaming</c>, <c>streaming/p4</c>.</summary>
    public string Series => Partitions is int p ? $"{Strategy}/p{p}" : Strategy;
}
