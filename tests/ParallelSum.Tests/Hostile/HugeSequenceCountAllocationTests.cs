using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Hostile;

/// <summary>Runs alone, so the process-wide allocation count it reads is this test's own.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

[Collection(nameof(AllocationMeasurement))]
public class HugeSequenceCountAllocationTests
{
    [Theory]
    [InlineData(ParallelForStrategy.StrategyName)]
    [InlineData(SimdChunksStrategy.StrategyName)]
    [InlineData(StreamingStrategy.StrategyName)]
    public async Task TenMillionStaticBlocks_OnAThousandValues_AllocateNoMemoryPerBlock(string strategyName)
    {
        IGenerateAndSum strategy = GenerateAndSumStrategies.Create(strategyName, IndexRangePartitioners.StaticBlocks(10_000_000));
        var request = new GenerateAndSumRequest(1000, 3);
        await Deadline.Within(() => strategy.GenerateAndSumAsync(request));

        long before = GC.GetTotalAllocatedBytes(precise: true);
        await Deadline.Within(() => strategy.GenerateAndSumAsync(request));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // One byte per block would be 10 MB; a thousand one-range blocks and the call itself need a few hundred KB.
        Assert.True(allocated < 10_000_000, $"allocated {allocated} bytes for 10^7 blocks");
    }
}
