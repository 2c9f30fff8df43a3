namespace ParallelSum.Orleans.Tests;

/// <summary>Admission limits on the client and on the silo: over a limit is refused at once with a clear message.</summary>
[Collection(InProcessClusters.Name)]
public sealed class AdmissionTests(ThreeSiloCluster fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RequestOverMaxValuesPerRequest_IsRefusedBeforeAnyRangeStarts()
    {
        WaitForEarlierTestsRangesToEnd();
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        var ex = await Assert.ThrowsAsync<DistributedSumException>(
            () => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000_000_000_000, 1)).WaitAsync(Deadline));
        Assert.Contains("more than MaxValuesPerRequest 1000000000000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, RangeSummation.Running);
    }

    [Fact]
    public async Task RequestReachingTheTopOfTheIndexSpace_IsRefusedAtOnce()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        var ex = await Assert.ThrowsAsync<DistributedSumException>(
            () => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10, 42, 0, 10, long.MaxValue - 10)).WaitAsync(Deadline));
        Assert.Contains("reaches index 9223372036854775807", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawGrainCall_OverTheSilosLimits_IsRefusedByTheSilo()
    {
        WaitForEarlierTestsRangesToEnd();
        IRangeSumGrain grain = fixture.Cluster.Client.GetGrain<IRangeSumGrain>(Random.Shared.NextInt64());

        // The attack from outside the strategy: a 1e15-value range, and one reaching long.MaxValue, called on the grain directly.
        var tooLarge = await Assert.ThrowsAsync<DistributedSumException>(
            () => grain.SumRangeAsync(42, 0, 10, 0, 1_000_000_000_000_000, TimeSpan.FromHours(1)).WaitAsync(Deadline));
        Assert.Contains("count 1000000000000000 is outside [1, MaxValuesPerRange 2000000000]", tooLarge.Message, StringComparison.Ordinal);

        var atTheTop = await Assert.ThrowsAsync<DistributedSumException>(
            () => grain.SumRangeAsync(42, 0, 10, long.MaxValue - 1000, 1000, TimeSpan.FromHours(1)).WaitAsync(Deadline));
        Assert.Contains("outside the accepted index space", atTheTop.Message, StringComparison.Ordinal);
        Assert.Equal(0, RangeSummation.Running);
    }

    [Fact]
    public async Task CustomPartitioner_MakingARangeOverTheLimit_IsRefusedAtOnce()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions
        {
            Partitioner = IndexRangePartitioners.DynamicChunks(long.MaxValue),
            MaxValuesPerRange = 1000,
        });
        var ex = await Assert.ThrowsAsync<DistributedSumException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(5000, 1)).WaitAsync(Deadline));
        Assert.Contains("more than the 1000 the options and silos accept per range", ex.Message, StringComparison.Ordinal);
    }

    // The running-range count is the whole test process's: a range an earlier test of this collection cancelled may still be
    // winding down on a loaded machine, and it must not be mistaken for one this test started.
    private static void WaitForEarlierTestsRangesToEnd() =>
        Assert.True(SpinWait.SpinUntil(() => RangeSummation.Running == 0, Deadline), $"{RangeSummation.Running} ranges of earlier tests still computing after {Deadline}");
}
