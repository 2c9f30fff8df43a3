namespace ParallelSum.Tests.Strategies;

public sealed class NaiveListStrategyContractTests : GenerateAndSumContract
{
    protected override long LongRunningCount => NaiveListStrategy.MaxCount;

    protected override long ReportingCount => 50_000_000;

    protected override bool TakesOptions => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new NaiveListStrategy();
}

public sealed class ParallelForStrategyContractTests : GenerateAndSumContract
{
    // Each block is materialised: the long run uses 512 blocks of 2^24 values (64 MB arrays, a few at a time), so it runs
    // for minutes uncanceled without ever asking the machine for gigabytes of fresh pages.
    protected override long LongRunningCount => 1L << 33;

    protected override long ReportingCount => 50_000_000;

    protected override bool TakesPartitioner => false;

    protected override GenerateAndSumStrategy CreateForLongRun() => new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = ParallelRunOptions.MaxWorkerCount });

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) =>
        new ParallelForStrategy(options is null ? new ParallelRunOptions { MaxDegreeOfParallelism = 64 } : new ParallelRunOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism });
}

public sealed class SimdChunksStrategyContractTests : GenerateAndSumContract
{
    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new SimdChunksStrategy(options, chunkSize: 4096);
}

public sealed class StreamingStrategyContractTests : GenerateAndSumContract
{
    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new StreamingStrategy(options);
}

/// <summary>Auto below its threshold (on the calling thread alone) — the contract's small counts — and above it.</summary>
public sealed class AutoStrategyContractTests : GenerateAndSumContract
{
    protected override bool TakesOptions => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new AutoStrategy();
}

/// <summary>Auto with a tiny threshold, so the contract's counts take the parallel path too.</summary>
public sealed class AutoStrategyParallelPathContractTests : GenerateAndSumContract
{
    protected override bool TakesOptions => false;

    protected override GenerateAndSumStrategy Create(ParallelRunOptions? options = null) => new AutoStrategy(parallelThreshold: 7);
}
