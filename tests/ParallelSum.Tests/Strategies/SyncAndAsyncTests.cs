using System.Collections.Concurrent;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// <c>GenerateAndSum</c> runs on the calling thread, which takes part; <c>GenerateAndSumAsync</c> returns before the work ends
/// and the calling thread generates nothing. Both honour cancellation and progress.
/// </summary>
public class SyncAndAsyncTests
{
    public static TheoryData<string> AllStrategies() => new(GenerateAndSumStrategies.Names);

    public static TheoryData<string> PartitionedStrategies() => new(SimdChunksStrategy.StrategyName, StreamingStrategy.StrategyName);

    [Theory]
    [InlineData(AutoStrategy.StrategyName)]
    [InlineData(StreamingStrategy.StrategyName)]
    [InlineData(SimdChunksStrategy.StrategyName)]
    public async Task EightBillionValues_TaskIsNotCompletedWhenReturned_AndCancels(string strategyName)
    {
        using var cts = new CancellationTokenSource();
        Task<GenerateAndSumResult> task = GenerateAndSumStrategies.Create(strategyName).GenerateAndSumAsync(new GenerateAndSumRequest(8_000_000_000, 1), null, cts.Token);

        Assert.False(task.IsCompleted);
        await cts.CancelAsync();
        await Deadline.Ended(task);
        Assert.True(task.IsCanceled, $"ended {task.Status}");
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public async Task LongRequest_TaskIsNotCompletedWhenReturned(string strategyName)
    {
        using var cts = new CancellationTokenSource();
        (GenerateAndSumStrategy strategy, long count) = LongRequest(strategyName);
        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, 1), null, cts.Token);

        Assert.False(task.IsCompleted);
        await cts.CancelAsync();
        await Deadline.Ended(task);
        Assert.True(task.IsCanceled, $"ended {task.Status}");
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public void GenerateAndSum_WithOneWorker_RunsEntirelyOnTheCallingThread(string strategyName)
    {
        // One worker allowed: if the calling thread only waited, nobody would do the work.
        var partitioner = new ThreadRecordingPartitioner();
        var request = new GenerateAndSumRequest(1_000_000, 3);
        int caller = Environment.CurrentManagedThreadId;
        GenerateAndSumStrategy strategy = GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 1 });

        GenerateAndSumResult result = strategy.GenerateAndSum(request);

        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.Equal([caller], partitioner.Threads);
        Assert.Equal(1, result.WorkerCount);
    }

    [Theory]
    [MemberData(nameof(PartitionedStrategies))]
    public async Task GenerateAndSumAsync_TheCallingThreadGeneratesNothing(string strategyName)
    {
        var partitioner = new ThreadRecordingPartitioner();
        var request = new GenerateAndSumRequest(1_000_000, 3);
        Task<GenerateAndSumResult>? task = null;
        int caller = 0;

        // A dedicated thread, which the pool can never lend to the work afterwards.
        var thread = new Thread(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            task = GenerateAndSumStrategies.Create(strategyName, new ParallelRunOptions { Partitioner = partitioner, MaxDegreeOfParallelism = 64 }).GenerateAndSumAsync(request);
        });
        thread.Start();
        Assert.True(thread.Join(Deadline.Default));

        GenerateAndSumResult result = await task!.WaitAsync(Deadline.Default);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
        Assert.DoesNotContain(caller, partitioner.Threads);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public async Task GenerateAndSum_Canceled_Throws(string strategyName)
    {
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cts);
        (GenerateAndSumStrategy strategy, long count) = LongRequest(strategyName);

        Task<GenerateAndSumResult> call = await Deadline.Ended(Task.Run(() => strategy.GenerateAndSum(new GenerateAndSumRequest(count, 1), progress, cts.Token)));
        OperationCanceledException e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void GenerateAndSum_ProgressIsInOrderAndEndsAtCount(string strategyName)
    {
        var reports = new ConcurrentQueue<long>();
        GenerateAndSumStrategies.Create(strategyName).GenerateAndSum(new GenerateAndSumRequest(20_000_000, 9), new Recorder(reports));
        long[] seen = reports.ToArray();
        Assert.Equal(20_000_000, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First < p.Second));
    }

    /// <summary>A strategy and a count whose work lasts far longer than a cancellation takes to arrive.</summary>
    private static (GenerateAndSumStrategy Strategy, long Count) LongRequest(string strategyName)
    {
        GenerateAndSumStrategy strategy = strategyName == ParallelForStrategy.StrategyName
            ? new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = ParallelRunOptions.MaxWorkerCount })
            : GenerateAndSumStrategies.Create(strategyName);
        long count = strategyName switch
        {
            NaiveListStrategy.StrategyName => NaiveListStrategy.MaxCount,
            // About half a minute of work, so the cancellation arrives first even when a busy pool runs the handler late; blocks
            // of 2 MB, so that the many blocks a growing pool runs at once stay far from the memory of a test run.
            ParallelForStrategy.StrategyName => 1L << 35,
            _ => 1L << 40,
        };
        return (strategy, count);
    }

    /// <summary>Splits [0, count) into one block per partition and records which threads enumerate them.</summary>
    private sealed class ThreadRecordingPartitioner : IndexRangePartitioner
    {
        public ConcurrentDictionary<int, bool> ThreadSet { get; } = new();

        public IEnumerable<int> Threads => ThreadSet.Keys;

        public override string Name => "thread-recording";

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) =>
            Enumerable.Range(0, partitionCount).Select(i => Block(count * i / partitionCount, count * (i + 1) / partitionCount)).ToArray();

        private IEnumerable<IndexRange> Block(long start, long end)
        {
            ThreadSet[Environment.CurrentManagedThreadId] = true;
            yield return new IndexRange(start, end);
        }
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cts) : IProgress<GenerateAndSumProgress>
    {
        public void Report(GenerateAndSumProgress value) => cts.Cancel();
    }

    private sealed class Recorder(ConcurrentQueue<long> reports) : IProgress<GenerateAndSumProgress>
    {
        public void Report(GenerateAndSumProgress value) => reports.Enqueue(value.CompletedCount);
    }
}
