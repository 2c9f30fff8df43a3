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

    // Ranges of 1e7 values for the long (1e12-value) request, so that its first ranges, and with them the first progress
    // report the cancellation tests wait for, complete within a fraction of a second even on a loaded machine; the default
    // ranges (2e9 values each) could keep the first report back for minutes there.
    protected override GenerateAndSumStrategy CreateForLongRun() =>
        new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { MaxValuesPerRange = 10_000_000 });
}
