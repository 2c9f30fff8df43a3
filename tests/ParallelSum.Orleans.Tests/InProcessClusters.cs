namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The tests on in-process clusters run one class at a time: they share the process-wide count of computing ranges
/// (<see cref="RangeSummation.Running"/>), which some of them wait to fall to zero.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessClusters : ICollectionFixture<ThreeSiloCluster>, ICollectionFixture<OneTightSilo>
{
    public const string Name = "in-process clusters";
}
