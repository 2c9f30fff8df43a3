using ParallelSum.Tests.Strategies;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The library's contract suite for every strategy (tests/ParallelSum.Tests/Strategies/GenerateAndSumContract.cs, compiled
/// into this project) run against the distributed strategy on a three-silo test cluster: exact sums against the definition,
/// argument checks, cancellation, and progress under a throwing, a slow, a blocking and an order-checking handler. The strategy
/// is asynchronous only and takes its own options, not the engine's.
/// </summary>
[Collection(InProcessClusters.Name)]
public sealed class DistributedContractTests(ThreeSiloCluster fixture) : GenerateAndSumContract
{
    protected override bool SupportsSynchronousCalls => false;

    protected override bool TakesOptions => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new DistributedStrategy(fixture.Cluster.Client);
}
