namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The tests on in-process clusters run one class at a time: some of them wait for the ranges running on the silos to
/// end (<see cref="SiloRanges"/>), which another class's requests would keep busy.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessClusters : ICollectionFixture<ThreeSiloCluster>, ICollectionFixture<OneTightSilo>
{
    public const string Name = "in-process clusters";
}
