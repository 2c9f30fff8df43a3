namespace ParallelSum.Tests.Strategies;

public sealed class NaiveListStrategyContractTests : GenerateAndSumContract
{
    protected override long LongRunningCount => NaiveListStrategy.MaxCount;

    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) => new NaiveListStrategy();
}

public sealed class ParallelForStrategyContractTests : GenerateAndSumContract
{
    // Each range is materialised: the long run uses 2^16 blocks of 2^24 values (64 MB arrays, two at a time), so it runs
    // for many minutes uncanceled without ever asking the machine for gigabytes of fresh pages.
    protected override long LongRunningCount => 1L << 40;

    protected override IGenerateAndSum CreateForLongRun() => Create(IndexRangePartitioners.StaticBlocks(1 << 16));

    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) =>
        new ParallelForStrategy(new PartitionedStrategyOptions { Partitioner = partitioner ?? IndexRangePartitioners.StaticBlocks(64) });
}

public sealed class SimdChunksStrategyContractTests : GenerateAndSumContract
{
    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) =>
        new SimdChunksStrategy(new SimdChunksStrategyOptions { Partitioner = partitioner ?? IndexRangePartitioners.Default(), ChunkSize = 4096 });
}

public sealed class StreamingStrategyContractTests : GenerateAndSumContract
{
    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) =>
        new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = partitioner ?? IndexRangePartitioners.Default() });
}

/// <summary>Auto below its threshold (inline path) — the contract's small counts — and above it.</summary>
public sealed class AutoStrategyContractTests : GenerateAndSumContract
{
    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) => new AutoStrategy();
}

/// <summary>Auto with a tiny threshold, so the contract's counts take the parallel path too.</summary>
public sealed class AutoStrategyParallelPathContractTests : GenerateAndSumContract
{
    protected override IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null) => new AutoStrategy(parallelThreshold: 7);
}
