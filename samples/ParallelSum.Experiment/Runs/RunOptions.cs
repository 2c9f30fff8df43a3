namespace ParallelSum.Experiment;

/// <summary>The options of the <c>run</c> command, validated.</summary>
internal sealed record RunOptions(GenerateAndSumRequest Request, IReadOnlyList<string> Strategies, int? Partitions, bool Json, bool InProcess, int Warmup = 0, ClusterTarget? Cluster = null)
{
    /// <summary>Creates the strategy named <paramref name="name"/> with the chosen number of workers (one static block each).</summary>
    public GenerateAndSumStrategy CreateStrategy(string name) => Create(name, Partitions);

    /// <summary>Creates a built-in strategy with <paramref name="partitions"/> workers, for the strategies that take a worker
    /// limit (<c>parallel-for</c>, <c>simd-chunks</c>, <c>streaming</c>); the others choose their own.</summary>
    public static GenerateAndSumStrategy Create(string name, int? partitions) =>
        GenerateAndSumStrategies.Create(name, partitions is int p && name is not (NaiveListStrategy.StrategyName or AutoStrategy.StrategyName) ? new ParallelRunOptions { MaxDegreeOfParallelism = p } : null);
}
