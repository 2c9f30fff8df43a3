using ParallelSum.Tests.Support;
using static ParallelSum.Tests.Hostile.HostilePartitioners;

namespace ParallelSum.Tests.Hostile;

/// <summary>
/// The library under hostile input: partitioners that break their contract in every way, block, or yield huge numbers of
/// ranges; progress handlers that throw; cancellation at every phase of a call. Every case runs under a deadline: a hang
/// fails the case, it never stalls the run.
/// </summary>
public class HostileInputTests
{
    private static readonly string[] PartitionedStrategyNames = [SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName];

    private static readonly Dictionary<string, Func<IndexRangePartitioner>> BrokenPartitioners = new()
    {
        ["overlap-within-total"] = () => Ranges("p", new IndexRange(0, 50), new IndexRange(40, 60), new IndexRange(60, 90)),
        ["same-range-twice"] = () => Ranges("p", new IndexRange(0, 50), new IndexRange(0, 50), new IndexRange(50, 100)),
        ["overlap-above-total"] = () => Ranges("p", new IndexRange(0, 100), new IndexRange(99, 100)),
        ["beyond-count-to-long-max"] = () => Ranges("p", new IndexRange(0, 100), new IndexRange(100, long.MaxValue)),
        ["negative-start"] = () => Ranges("p", new IndexRange(-1, 100)),
        ["reversed"] = () => Ranges("p", new IndexRange(100, 0)),
        ["gap-at-start"] = () => Ranges("p", new IndexRange(1, 100)),
        ["gap-at-end"] = () => Ranges("p", new IndexRange(0, 99)),
        ["only-empty-ranges"] = () => Ranges("p", new IndexRange(0, 0), new IndexRange(50, 50)),
        ["no-range"] = () => Ranges("p"),
        ["no-partition"] = () => From("p", _ => []),
        ["null-list"] = () => From("p", _ => null!),
        ["null-sequence"] = () => From("p", _ => [[new IndexRange(0, 50)], null!, [new IndexRange(50, 100)]]),
        ["negative-partition-count"] = () => From("p", _ => List(-1, _ => [])),
        ["too-many-partitions"] = () => From("p", _ => List(3, _ => [])),
        ["list-indexer-throws"] = () => From("p", _ => List(2, i => i == 1 ? throw new InvalidCastException("indexer") : [new IndexRange(0, 100)])),
        ["partition-throws"] = () => From("p", _ => throw new InvalidCastException("partition")),
        ["partition-throws-its-own-cancellation"] = () => From("p", _ => throw new OperationCanceledException("its own")),
        ["enumerator-throws-its-own-cancellation"] = () => From("p", _ => [ThrowAfter(new IndexRange(0, 50), new OperationCanceledException("its own"))]),
        ["get-enumerator-throws"] = () => From("p", _ => [new ThrowingEnumerable()]),
        ["enumerator-throws-after-a-range"] = () => From("p", _ => [ThrowAfter(new IndexRange(0, 50), new InvalidCastException("moving"))]),
    };

    public static TheoryData<string, string> BrokenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string fault in BrokenPartitioners.Keys)
        {
            foreach (string strategy in PartitionedStrategyNames)
            {
                data.Add(fault, strategy);
            }
        }

        return data;
    }

    public static TheoryData<string> AllStrategies() => new(GenerateAndSumStrategies.Names.Append("auto-parallel-path"));

    public static TheoryData<string> PartitionedStrategies() => new(PartitionedStrategyNames);

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public async Task BrokenPartitioner_IsRefusedNamingIt_NeverASum(string fault, string strategyName)
    {
        IGenerateAndSum strategy = Create(strategyName, BrokenPartitioners[fault]());
        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1))));

        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => call);
        Assert.Equal("p", e.PartitionerName);
        Assert.StartsWith("Partitioner 'p': ", e.Message, StringComparison.Ordinal);
        if (fault.Contains("own-cancellation", StringComparison.Ordinal))
        {
            Assert.IsType<OperationCanceledException>(e.InnerException);
        }
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task PartitionerWhoseNameThrows_IsNamedByItsType_AndSums(string strategyName)
    {
        IGenerateAndSum strategy = Create(strategyName, new NameThrows());
        GenerateAndSumResult result = await Deadline.Within(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(100, 1)));
        Assert.Equal(nameof(NameThrows), result.Partitioner);
        Assert.Equal(new RandomStream(1).ReferenceSum(0, 100), result.Sum);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task ALimitOfIntMaxValueWorkers_RunsTheMostWorkersARunUses_AndSums(string strategyName)
    {
        var request = new GenerateAndSumRequest(1000, 3);
        IGenerateAndSum strategy = GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { MaxDegreeOfParallelism = int.MaxValue });
        GenerateAndSumResult result = await Deadline.Within(() => strategy.GenerateAndSumAsync(request));
        Assert.Equal(request.Stream.ReferenceSum(0, 1000), result.Sum);
        Assert.Equal(ParallelRunOptions.MaxWorkerCount, result.RangeCount);
        Assert.InRange(result.WorkerCount, 1, ParallelRunOptions.MaxWorkerCount);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task ATrillionOneValueRanges_Canceled_EndPromptlyAsCanceled(string strategyName)
    {
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(200));
        IGenerateAndSum strategy = Create(strategyName, Singles());
        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => strategy.GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000_000_000, 3), null, cts.Token)));
        Assert.True(call.IsCanceled, $"ended {call.Status}: {call.Exception}");
    }

    [Theory]
    [InlineData(StreamingStrategy.StrategyName)]
    [InlineData(SimdChunksStrategy.StrategyName)]
    public async Task TwoMillionInterleavedOneValueRanges_AreCheckedAndSummed(string strategyName)
    {
        // Evens first, then odds: nothing joins until the second half, the worst order for the coverage check.
        var request = new GenerateAndSumRequest(2_000_000, 5);
        IGenerateAndSum strategy = Create(strategyName, InterleavedSingles());
        GenerateAndSumResult result = await Deadline.Within(() => strategy.GenerateAndSumAsync(request));
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.Equal(request.Count, result.RangeCount);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task PartitionBlocking_WhileCanceled_EndsAsCanceledOnceItReturns(string strategyName)
    {
        using var cts = new CancellationTokenSource();
        IndexRangePartitioner blocking = From("blocking", count =>
        {
            cts.Cancel();
            Thread.Sleep(300);
            return [[new IndexRange(0, count)]];
        });
        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => Create(strategyName, blocking).GenerateAndSumAsync(new GenerateAndSumRequest(1000, 3), null, cts.Token)));
        Assert.True(call.IsCanceled, $"ended {call.Status}: {call.Exception}");
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task RangesThatBlock_Canceled_EndAfterTheCurrentRange(string strategyName)
    {
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(300));
        IndexRangePartitioner slow = From("slow", count => [SlowSingles(count)]);
        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => Create(strategyName, slow).GenerateAndSumAsync(new GenerateAndSumRequest(1_000_000, 3), null, cts.Token)));
        Assert.True(call.IsCanceled, $"ended {call.Status}: {call.Exception}");
    }

    public enum ThrowAt
    {
        EveryReport,
        Completion,
        SecondReport,
    }

    public static TheoryData<string, ThrowAt> ProgressCases() => EveryPair<ThrowAt>(GenerateAndSumStrategies.Names.Append("auto-parallel-path"));

    [Theory]
    [MemberData(nameof(ProgressCases))]
    public async Task ThrowingProgressHandler_NeverLosesTheSum_AndIsReportedOnTheResult(string strategyName, ThrowAt when)
    {
        var request = new GenerateAndSumRequest(3_000_000, 11);
        var handler = new ThrowingProgress(when);
        GenerateAndSumResult result = await Deadline.Within(() => Create(strategyName).GenerateAndSumAsync(request, handler));

        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.Same(handler.Thrown, result.ProgressException);
        Assert.Equal(0, handler.CallsAfterThrowing);
        if (when is not ThrowAt.SecondReport)
        {
            // Every call reports its completion, so these handlers always throw once.
            Assert.NotNull(result.ProgressException);
        }
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public async Task CancellationAtTheFinalReport_StillReturnsTheCompletedSum(string strategyName)
    {
        using var cts = new CancellationTokenSource();
        var request = new GenerateAndSumRequest(100_000, 11);
        var progress = new CallbackProgress(p =>
        {
            if (p.CompletedCount == p.TotalCount)
            {
                cts.Cancel();
            }
        });
        GenerateAndSumResult result = await Deadline.Within(() => Create(strategyName).GenerateAndSumAsync(request, progress, cts.Token));
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
    }

    public enum CancelIn
    {
        Partition,
        ListIndexer,
        GetEnumerator,
        MoveNext,
        OwnExceptionForTheCallersToken,
    }

    public static TheoryData<string, CancelIn> CancellationCases() => EveryPair<CancelIn>(PartitionedStrategyNames);

    [Theory]
    [MemberData(nameof(CancellationCases))]
    public async Task CancellationDuringPartitionerCode_EndsAsCanceled(string strategyName, CancelIn phase)
    {
        using var cts = new CancellationTokenSource();
        IndexRangePartitioner partitioner = From("canceling", count =>
        {
            if (phase == CancelIn.Partition)
            {
                cts.Cancel();
            }

            return List(2, i =>
            {
                if (phase == CancelIn.ListIndexer)
                {
                    cts.Cancel();
                }

                return new CancelingSequence(i == 0 ? new IndexRange(0, count / 2) : new IndexRange(count / 2, count), phase, cts);
            });
        });

        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => Create(strategyName, partitioner).GenerateAndSumAsync(new GenerateAndSumRequest(1000, 3), null, cts.Token)));
        Assert.True(call.IsCanceled, $"ended {call.Status}: {call.Exception?.InnerException?.Message}");
    }

    /// <summary>Every strategy name with every value of <typeparamref name="TCase"/>.</summary>
    private static TheoryData<string, TCase> EveryPair<TCase>(IEnumerable<string> names)
        where TCase : struct, Enum
    {
        var data = new TheoryData<string, TCase>();
        foreach (string name in names)
        {
            foreach (TCase value in Enum.GetValues<TCase>())
            {
                data.Add(name, value);
            }
        }

        return data;
    }

    private static GenerateAndSumStrategy Create(string strategyName) =>
        strategyName == "auto-parallel-path" ? new AutoStrategy(parallelThreshold: 1) : GenerateAndSumStrategies.Create(strategyName);

    /// <summary>The strategy with the partitioner and two workers, whatever this machine's processor count.</summary>
    private static GenerateAndSumStrategy Create(string strategyName, IndexRangePartitioner partitioner) =>
        GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 2 });

    private static IEnumerable<IndexRange> ThrowAfter(IndexRange first, Exception e)
    {
        yield return first;
        throw e;
    }

    private static IEnumerable<IndexRange> SlowSingles(long count)
    {
        for (long i = 0; i < count; i++)
        {
            Thread.Sleep(20);
            yield return new IndexRange(i, i + 1);
        }
    }

    private sealed class NameThrows : IndexRangePartitioner
    {
        public override string Name => throw new InvalidOperationException("no name");

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) =>
            [[new IndexRange(0, count)], .. Enumerable.Repeat<IEnumerable<IndexRange>>([], partitionCount - 1)];
    }

    private sealed class ThrowingEnumerable : IEnumerable<IndexRange>
    {
        public IEnumerator<IndexRange> GetEnumerator() => throw new InvalidCastException("no enumerator");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A one-range sequence that cancels the caller's token in the chosen phase of its enumeration.</summary>
    private sealed class CancelingSequence(IndexRange range, CancelIn phase, CancellationTokenSource cts) : IEnumerable<IndexRange>
    {
        public IEnumerator<IndexRange> GetEnumerator()
        {
            if (phase == CancelIn.GetEnumerator)
            {
                cts.Cancel();
            }

            return Ranges().GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerable<IndexRange> Ranges()
        {
            if (phase is CancelIn.MoveNext or CancelIn.OwnExceptionForTheCallersToken)
            {
                cts.Cancel();
            }

            if (phase == CancelIn.OwnExceptionForTheCallersToken)
            {
                cts.Token.ThrowIfCancellationRequested();
            }

            yield return range;
        }
    }

    private sealed class CallbackProgress(Action<GenerateAndSumProgress> onReport) : IProgress<GenerateAndSumProgress>
    {
        public void Report(GenerateAndSumProgress value) => onReport(value);
    }

    private sealed class ThrowingProgress(ThrowAt when) : IProgress<GenerateAndSumProgress>
    {
        private int _reports;

        public Exception? Thrown { get; private set; }

        public int CallsAfterThrowing { get; private set; }

        public void Report(GenerateAndSumProgress value)
        {
            if (Thrown is not null)
            {
                CallsAfterThrowing++;
                return;
            }

            _reports++;
            bool fire = when switch
            {
                ThrowAt.EveryReport => true,
                ThrowAt.Completion => value.CompletedCount == value.TotalCount,
                _ => _reports == 2,
            };
            if (fire)
            {
                Thrown = new InvalidOperationException($"handler failed at {value.CompletedCount} of {value.TotalCount}");
                throw Thrown;
            }
        }
    }
}
