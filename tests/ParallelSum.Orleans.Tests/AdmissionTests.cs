using ParallelSum.Tests.Support;

namespace ParallelSum.Orleans.Tests;

/// <summary>Admission limits on the client and on the silo: over a limit is refused at once with a clear message naming it. The
/// client's limits are argument checks: they throw from the call itself, before a task exists, as any strategy's do.</summary>
[Collection(InProcessClusters.Name)]
public sealed class AdmissionTests(ThreeSiloCluster fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void RequestOverMaxValuesPerRequest_IsRefusedBeforeAnySiloIsAsked()
    {
        using var meter = new MeterRecorder();
        var strategy = new DistributedStrategy(DistributedStrategyTests.UnusableGrainFactory.Create());
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000_000_000_000, 1)); });
        Assert.Contains("more than MaxValuesPerRequest 1000000000000", e.Message, StringComparison.Ordinal);
        Assert.Empty(meter.Of("parallelsum.orleans.ranges.started"));
        Assert.Equal(1, meter.Sum("parallelsum.orleans.ranges.refused"));
    }

    [Fact]
    public void RequestReachingTheTopOfTheIndexSpace_IsRefusedBeforeAnySiloIsAsked()
    {
        var strategy = new DistributedStrategy(DistributedStrategyTests.UnusableGrainFactory.Create());
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10, 42, 0, 10, long.MaxValue - 10)); });
        Assert.Contains("reaches index 9223372036854775807", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawGrainCall_OverTheSilosLimits_IsRefusedByTheSilo()
    {
        Assert.True(SiloRanges.WaitUntilIdle(fixture.Cluster, Deadline), "ranges of earlier tests still computing");
        IRangeSumGrain grain = fixture.Cluster.Client.GetGrain<IRangeSumGrain>(fixture.Cluster.Silos[0].SiloAddress.ToParsableString());

        // The attack from outside the strategy: a 1e15-value range, and one reaching long.MaxValue, called on the grain directly.
        var tooLarge = await Assert.ThrowsAsync<DistributedSumException>(
            () => grain.SumRangeAsync(Guid.NewGuid(), 42, 0, 10, 0, 1_000_000_000_000_000, TimeSpan.FromHours(1)).WaitAsync(Deadline));
        Assert.Contains("count 1000000000000000 is outside [1, MaxValuesPerRange 2000000000]", tooLarge.Message, StringComparison.Ordinal);

        var atTheTop = await Assert.ThrowsAsync<DistributedSumException>(
            () => grain.SumRangeAsync(Guid.NewGuid(), 42, 0, 10, long.MaxValue - 1000, 1000, TimeSpan.FromHours(1)).WaitAsync(Deadline));
        Assert.Contains("outside the accepted index space", atTheTop.Message, StringComparison.Ordinal);
        Assert.Equal(0, SiloRanges.Running(fixture.Cluster));
    }

    [Fact]
    public async Task CustomPartitioner_MakingARangeOverTheLimit_IsRefusedBeforeItIsSent()
    {
        using var meter = new MeterRecorder();
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions
        {
            Partitioner = IndexRangePartitioners.DynamicChunks(long.MaxValue),
            MaxValuesPerRange = 1000,
        });
        var e = await Assert.ThrowsAsync<DistributedSumException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(5000, 1)).WaitAsync(Deadline));
        Assert.Contains("the range [0, 5000) of 5000 values, more than the 1000 values the options and silos accept per range (MaxValuesPerRange)", e.Message, StringComparison.Ordinal);
        Assert.Empty(meter.Of("parallelsum.orleans.ranges.started"));
    }
}
