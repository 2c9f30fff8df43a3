using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans.Tests;

[Collection(InProcessClusters.Name)]
public sealed class DistributedStrategyTests(ThreeSiloCluster fixture)
{
    [Fact]
    public void Sums_OfGeneratedRequests_EqualTheSequentialDefinition()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        Gen<(long Count, ulong Seed, int Min, int Max, long Start)> requests =
            from count in Gen.Choose(0, 200_000)
            from seed in ArbMap.Default.GeneratorFor<ulong>()
            from min in Gen.Choose(-1000, 1000)
            from width in Gen.Choose(0, 2000)
            from start in Gen.Choose(0, 1_000_000)
            select ((long)count, seed, min, min + width, (long)start * 1000);
        Prop.ForAll(requests.ToArbitrary(), r =>
        {
            var request = new GenerateAndSumRequest(r.Count, r.Seed, r.Min, r.Max, r.Start);
            GenerateAndSumResult result = strategy.GenerateAndSumAsync(request).GetAwaiter().GetResult();
            return result.Sum == request.Stream.ReferenceSum(request.StartIndex, request.Count) && result.Strategy == "distributed";
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public async Task EverySilo_ReceivesWork()
    {
        var silos = new ConcurrentBag<string>();
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerCore = 32, RangeCompleted = silos.Add });
        var request = new GenerateAndSumRequest(3_000_000, 7);
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.Equal(3, result.WorkerCount);
        Assert.Equal(fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).Order(), silos.Distinct().Order());
    }

    [Fact]
    public async Task RangesGoToTheLeastLoadedSilo_NotAtRandom()
    {
        // Three ranges, all sent at once to three idle silos of equal capacity: each silo computes exactly one (random
        // placement would put two on one silo in 7 of 9 requests).
        var silos = new ConcurrentBag<string>();
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions
        {
            Partitioner = IndexRangePartitioners.DynamicChunks(1_000_000),
            RangeCompleted = silos.Add,
        });
        for (int run = 0; run < 5; run++)
        {
            silos.Clear();
            var request = new GenerateAndSumRequest(3_000_000, (ulong)run);
            GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
            Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
            Assert.Equal(fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).Order(), silos.Order());
        }
    }

    [Fact]
    public async Task DefaultRanges_ComeFromTheSilosSlots_NotTheClientsCores()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerCore = 4 });
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000, 9));
        Assert.Equal(3 * ThreeSiloCluster.SlotsPerSilo * 4, result.RangeCount);
    }

    [Fact]
    public async Task LargeRequests_AreSplitSoNoRangeExceedsMaxValuesPerRange()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerCore = 1, MaxValuesPerRange = 10_000 });
        var request = new GenerateAndSumRequest(1_000_001, 4);
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
        Assert.Equal(101, result.RangeCount);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
    }

    [Fact]
    public async Task Progress_ReachesTheTotal_AndCancellationStopsTheCall()
    {
        var reports = new ConcurrentBag<GenerateAndSumProgress>();
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        var request = new GenerateAndSumRequest(1_000_000, 3);
        await strategy.GenerateAndSumAsync(request, new SynchronousProgress(reports.Add));
        Assert.Contains(reports, p => p.CompletedCount == request.Count);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => strategy.GenerateAndSumAsync(request, null, cancelled.Token));
    }

    [Fact]
    public async Task Cancellation_StopsTheRangesAlreadyRunningInTheGrains()
    {
        // 1e12 values would keep every silo busy for minutes; cancelling must stop the grains, not just the caller.
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        var request = new GenerateAndSumRequest(1_000_000_000_000, 5);
        using var cancel = new CancellationTokenSource();
        Task<GenerateAndSumResult> call = strategy.GenerateAndSumAsync(request, null, cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => RangeSummation.Running > 0, TimeSpan.FromSeconds(30)), "no range started");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(SpinWait.SpinUntil(() => RangeSummation.Running == 0, TimeSpan.FromSeconds(30)), $"{RangeSummation.Running} ranges still computing 30 s after cancellation");
    }

    [Fact]
    public void Options_OutOfRange_AreRejectedNamingTheValue()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { MaxAttemptsPerRange = 0, RangeTimeout = TimeSpan.Zero }));
        Assert.Contains("MaxAttemptsPerRange must be 1 or more, got 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RangeTimeout must be more than 0", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<GenerateAndSumProgress> report) : IProgress<GenerateAndSumProgress>
    {
        public void Report(GenerateAndSumProgress value) => report(value);
    }
}
