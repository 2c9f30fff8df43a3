using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Hostile;

/// <summary>Runs alone, so the process-wide allocation count it reads is this test's own.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

[Collection(nameof(AllocationMeasurement))]
public class AllocationTests
{
    [Theory]
    [InlineData(SimdChunksStrategy.StrategyName)]
    [InlineData(StreamingStrategy.StrategyName)]
    public void Allocation_IsFlatInCount(string strategyName)
    {
        GenerateAndSumStrategy strategy = GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { MaxDegreeOfParallelism = 2 });
        long small = AllocatedBy(strategy, 1000), large = AllocatedBy(strategy, 100_000_000);

        // What a call allocates is fixed (the run, its partitions, their states): not one byte per value or per step.
        Assert.True(large - small < 4096, $"{strategyName}: {small} bytes at 10^3 values, {large} at 10^8");
    }

    [Theory]
    [InlineData(SimdChunksStrategy.StrategyName)]
    [InlineData(StreamingStrategy.StrategyName)]
    public void TheMostWorkers_OnAThousandValues_AllocateAFewHundredBytesEach(string strategyName)
    {
        GenerateAndSumStrategy strategy = GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { MaxDegreeOfParallelism = int.MaxValue });

        long allocated = AllocatedBy(strategy, 1000);

        Assert.True(allocated < ParallelRunOptions.MaxWorkerCount * 1024, $"allocated {allocated} bytes for {ParallelRunOptions.MaxWorkerCount} partitions");
    }

    private static long AllocatedBy(GenerateAndSumStrategy strategy, long count)
    {
        var request = new GenerateAndSumRequest(count, 3);
        Assert.Equal(request.Stream.ReferenceSum(0, Math.Min(count, 1000)), strategy.GenerateAndSum(new GenerateAndSumRequest(Math.Min(count, 1000), 3)).Sum);
        strategy.GenerateAndSum(request);

        // The count is process-wide: a thread the pool injects under load, or background work a test before left, adds to
        // one call's figure. What a call allocates itself is in every call, so the least of a few calls is the call's own.
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            strategy.GenerateAndSum(request);
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return least;
    }
}
