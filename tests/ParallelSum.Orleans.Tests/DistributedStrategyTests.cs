using System.Collections.Concurrent;
using System.Reflection;
using ParallelSum.Tests.Support;

namespace ParallelSum.Orleans.Tests;

/// <summary>What the distributed strategy adds to the contract (<see cref="DistributedContractTests"/>): where ranges go, how a
/// request is split, cancellation on the silos, partitioners, and options.</summary>
[Collection(InProcessClusters.Name)]
public sealed class DistributedStrategyTests(ThreeSiloCluster fixture)
{
    private string[] ClusterSilos => [.. fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task EverySilo_ComputesRanges_AndTheResultCountsTheSilosThatDid()
    {
        using var meter = new MeterRecorder();
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerSlot = 32 });
        var request = new GenerateAndSumRequest(3_000_000, 7);
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.Equal(3, result.WorkerCount);
        Assert.Equal(3 * ThreeSiloCluster.SlotsPerSilo * 32, result.RangeCount);
        string[] computedOn = [.. meter.Of("parallelsum.orleans.ranges.completed").Select(m => m.Tag("parallelsum.silo")!).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(ClusterSilos, computedOn);
    }

    [Fact]
    public async Task TheFirstRangesOfARequest_GoToAsManySilos_HoweverFastTheyComplete()
    {
        // Three ranges on three idle silos of equal capacity go to three different silos, even when a range completes
        // before the next is sent: a silo not yet given a range of the request is always less loaded than one that was.
        // (Random placement would put two on one silo in 7 of 9 requests.)
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { Partitioner = IndexRangePartitioners.DynamicChunks(1_000_000) });
        for (int run = 0; run < 5; run++)
        {
            using var meter = new MeterRecorder();
            var request = new GenerateAndSumRequest(3_000_000, (ulong)run);
            GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
            Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
            Assert.Equal(3, result.RangeCount);
            string[] computedOn = [.. meter.Of("parallelsum.orleans.ranges.completed").Select(m => m.Tag("parallelsum.silo")!).Order(StringComparer.Ordinal)];
            Assert.Equal(ClusterSilos, computedOn);
        }
    }

    [Fact]
    public async Task DefaultRanges_ComeFromTheSilosSlots_NotTheClientsCores()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerSlot = 4 });
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000, 9));
        Assert.Equal(3 * ThreeSiloCluster.SlotsPerSilo * 4, result.RangeCount);
        Assert.StartsWith("dynamic-chunks", result.Partitioner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeRequests_AreSplitSoNoRangeExceedsMaxValuesPerRange()
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { RangesPerSlot = 1, MaxValuesPerRange = 10_000 });
        var request = new GenerateAndSumRequest(1_000_001, 4);
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(request);
        Assert.Equal(101, result.RangeCount);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
    }

    [Fact]
    public async Task ThrowingProgressHandler_InA1e9Request_ReturnsTheExactSum_WithTheHandlersException()
    {
        var request = new GenerateAndSumRequest(1_000_000_000, 42);
        var thrown = new ConcurrentQueue<Exception>();
        var handler = new CallbackProgress(p =>
        {
            var e = new InvalidOperationException($"handler failed at {p.CompletedCount}");
            thrown.Enqueue(e);
            throw e;
        });

        GenerateAndSumResult result = await new DistributedStrategy(fixture.Cluster.Client).GenerateAndSumAsync(request, handler).WaitAsync(Deadline.Default);

        // The known answer of docs/engine.md, and the streaming strategy's sum.
        Assert.Equal(5_000_064_295, result.Sum);
        Assert.Equal((await new StreamingStrategy().GenerateAndSumAsync(request)).Sum, result.Sum);
        Assert.Single(thrown);
        Assert.Same(thrown.Single(), result.ProgressException);
    }

    [Fact]
    public async Task Cancellation_StopsTheRangesAlreadyRunningInTheGrains()
    {
        // 1e12 values would keep every silo busy for minutes; cancelling must stop the grains, not just the caller.
        Assert.True(SiloRanges.WaitUntilIdle(fixture.Cluster, Deadline.Default), "ranges of earlier tests still computing");
        var strategy = new DistributedStrategy(fixture.Cluster.Client);
        using var cancel = new CancellationTokenSource();
        Task<GenerateAndSumResult> call = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000_000_000, 5), null, cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => SiloRanges.Running(fixture.Cluster) > 0, TimeSpan.FromSeconds(30)), "no range started");

        await cancel.CancelAsync();

        Task<GenerateAndSumResult> ended = await Deadline.Ended(call);
        Assert.True(ended.IsCanceled, $"ended {ended.Status}");
        Assert.True(SiloRanges.WaitUntilIdle(fixture.Cluster, TimeSpan.FromSeconds(30)), $"{SiloRanges.Running(fixture.Cluster)} ranges still computing 30 s after cancellation");
    }

    [Fact]
    public async Task ARequestOfNoValues_CallsNoSilo()
    {
        GenerateAndSumResult result = await new DistributedStrategy(UnusableGrainFactory.Create()).GenerateAndSumAsync(new GenerateAndSumRequest(0, 1));
        Assert.Equal(0, result.Sum);
        Assert.Equal(0, result.RangeCount);
    }

    [Fact]
    public async Task StaticBlocks_AndABclRangePartitioner_GiveTheExactSum()
    {
        var request = new GenerateAndSumRequest(1_000_003, 17, -5, 1000, 123_456);
        Int128 expected = request.Stream.ReferenceSum(request.StartIndex, request.Count);

        GenerateAndSumResult blocks = await new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks() })
            .GenerateAndSumAsync(request);
        Assert.Equal(expected, blocks.Sum);
        Assert.Equal(2 * 3 * ThreeSiloCluster.SlotsPerSilo, blocks.RangeCount); // one block per range in flight: two per slot

        GenerateAndSumResult bcl = await new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions
        {
            Partitioner = System.Collections.Concurrent.Partitioner.Create(0L, request.Count, 100_000),
        }).GenerateAndSumAsync(request);
        Assert.Equal(expected, bcl.Sum);
        Assert.Equal(11, bcl.RangeCount);
    }

    [Theory]
    [InlineData("gap", "left the indices [400, 500) uncovered")]
    [InlineData("overlap", "overlaps indices already yielded")]
    [InlineData("out of bounds", "which is not within [0, 1000)")]
    [InlineData("throws", "threw IOException: disk on fire")]
    [InlineData("too few partitions", "returned 1 partitions when asked for 18")]
    public async Task ABrokenPartitioner_EndsTheCallWithInvalidPartitioningException_NamingIt(string fault, string message)
    {
        var strategy = new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions { Partitioner = new BrokenPartitioner(fault) });
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1000, 1)).WaitAsync(Deadline.Default));
        Assert.Equal("broken", e.PartitionerName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedNamingTheOptionAndTheValue()
    {
        var e = Assert.Throws<ArgumentException>("options", () => new DistributedStrategy(fixture.Cluster.Client, new DistributedStrategyOptions
        {
            MaxAttemptsPerRange = 0,
            RangeTimeout = TimeSpan.Zero,
            RetryDelay = TimeSpan.FromHours(2),
        }));
        Assert.Contains("DistributedStrategyOptions.MaxAttemptsPerRange: must be 1 or more; it is 0.", e.Message, StringComparison.Ordinal);
        Assert.Contains("DistributedStrategyOptions.RangeTimeout: must be from 0.01 s to 86400 s; it is 0 s.", e.Message, StringComparison.Ordinal);
        Assert.Contains("DistributedStrategyOptions.RetryDelay: must be from 0 s to 3600 s; it is 7200 s.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_AreCopied_LaterChangesDoNotReachTheStrategy()
    {
        var options = new DistributedStrategyOptions { RangesPerSlot = 2 };
        var strategy = new DistributedStrategy(fixture.Cluster.Client, options);
        options.RangesPerSlot = 0;
        options.MaxValuesPerRequest = 1;
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100_000, 3));
        Assert.Equal(3 * ThreeSiloCluster.SlotsPerSilo * 2, result.RangeCount);
    }

    /// <summary>A partitioner that breaks its contract in one named way over <c>[0, 1000)</c>.</summary>
    private sealed class BrokenPartitioner(string fault) : IndexRangePartitioner
    {
        public override string Name => "broken";

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
        {
            IEnumerable<IndexRange>[] partitions = [.. Enumerable.Range(0, partitionCount).Select(_ => Enumerable.Empty<IndexRange>())];
            partitions[0] = fault switch
            {
                "gap" => [new(0, 400), new(500, count)],
                "overlap" => [new(0, 600), new(400, count)],
                "out of bounds" => [new(0, count + 5)],
                "throws" => Throwing(),
                "too few partitions" => [new(0, count)],
                _ => throw new InvalidOperationException($"unknown fault {fault}"),
            };
            return fault == "too few partitions" ? [partitions[0]] : partitions;
        }

        private static IEnumerable<IndexRange> Throwing()
        {
            yield return new IndexRange(0, 100);
            throw new IOException("disk on fire");
        }
    }

    /// <summary>A grain factory that fails the test if anything calls it.</summary>
    public class UnusableGrainFactory : DispatchProxy
    {
        public static IGrainFactory Create() => DispatchProxy.Create<IGrainFactory, UnusableGrainFactory>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"the strategy called the cluster ({targetMethod?.Name})");
    }
}
