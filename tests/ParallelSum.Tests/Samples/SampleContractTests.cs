using CustomPartitioning;
using ParallelSum.Tests.Partitioning;
using ParallelSum.Tests.Strategies;

namespace ParallelSum.Tests.Samples;

/// <summary>The sample's own strategy keeps the whole contract: its slices report progress from several threads at once.</summary>
public sealed class SliceFanOutStrategyContractTests : GenerateAndSumContract
{
    protected override bool TakesOptions => false;

    protected override bool SupportsSynchronousCalls => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new SliceFanOutStrategy(new StreamingStrategy(), slices: 7);

    // The strategy reports progress when a slice ends: with seven slices of the 10^12-value long run, the first report (which
    // the cancellation tests wait for) would come only after minutes. Slices of 10^8 values report within milliseconds.
    protected override GenerateAndSumStrategy CreateForLongRun() => new SliceFanOutStrategy(new StreamingStrategy(), slices: 10_000);
}

/// <summary>The sample's guided partitioner under the streaming strategy keeps the contract too.</summary>
public sealed class GuidedPartitionerContractTests : GenerateAndSumContract
{
    protected override bool TakesPartitioner => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) =>
        new StreamingStrategy(new ParallelRunOptions { Partitioner = new GuidedPartitioner(minimumChunk: 4096), MaxDegreeOfParallelism = options?.MaxDegreeOfParallelism ?? -1 });
}

public class GuidedPartitionerTests
{
    [Theory]
    [InlineData(0L, 1)]
    [InlineData(1L, 2)]
    [InlineData(99_991L, 3)]
    [InlineData(10_000_000L, 8)]
    public void CoversExactlyOnce(long count, int partitions) => PartitionerLaws.CoversExactlyOnce(new GuidedPartitioner(1000), count, partitions);
}
