using ParallelSum.Experiment.Strategies;

namespace ParallelSum.Experiment;

/// <summary>The options of the <c>run</c> command, validated.</summary>
internal sealed record RunOptions(GenerateAndSumRequest Request, IReadOnlyList<string> Strategies, int? Partitions, bool Json, bool InProcess, int Warmup = 0, ClusterTarget? Cluster = null)
{
    /// <summary>Creates the strategy named <paramref name="name"/> with the chosen partitioning.</summary>
    public IGenerateAndSum CreateStrategy(string name) =>
        LibraryStrategies.Create(name, Partitions);
}
