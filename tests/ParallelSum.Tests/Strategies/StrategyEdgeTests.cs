using ParallelSum.Execution;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// Each strategy at the edges its docs name: <c>auto</c> on both sides of its threshold and through several steps inline,
/// chunk sizes at both ends, the default worker limit, a custom partitioner's over-long range for <c>parallel-for</c>, and
/// names compared without regard to case. Sums are checked against <see cref="RandomStream.ReferenceSum(long, long)"/>.
/// </summary>
public class StrategyEdgeTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData((long)RunContext.StepLength - 1)]
    [InlineData((long)RunContext.StepLength)]
    [InlineData((3L * RunContext.StepLength) + 5)]
    public void Auto_Inline_OverSeveralSteps_EqualsTheDefinition_WithProgressToTheCount(long count)
    {
        // A threshold no count reaches: every request runs inline, step by step.
        var auto = new AutoStrategy(long.MaxValue);
        var request = new GenerateAndSumRequest(count, 11, -5, 1000, startIndex: 123_456_789);
        var reports = new List<GenerateAndSumProgress>();

        GenerateAndSumResult result = auto.GenerateAndSum(request, new CallbackProgress(reports.Add));

        Assert.Equal(request.Stream.ReferenceSum(request.StartIndex, count), result.Sum);
        Assert.Equal((AutoStrategy.StrategyName, 1, count == 0 ? 0 : 1, (string?)null), (result.Strategy, result.WorkerCount, result.RangeCount, result.Partitioner));
        Assert.Equal(new GenerateAndSumProgress(count, count), reports[^1]);
        Assert.Equal(reports.Select(r => r.CompletedCount).Order(), reports.Select(r => r.CompletedCount));
    }

    [Fact]
    public async Task Auto_Inline_CanceledWhileRunning_Throws()
    {
        var auto = new AutoStrategy(long.MaxValue);
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(100));

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(auto.GenerateAndSum(new GenerateAndSumRequest(1L << 40, 1), null, cts.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void Auto_Inline_HandlerThatThrows_IsReportedOnTheResult()
    {
        var failure = new InvalidTimeZoneException("observer");
        GenerateAndSumResult result = new AutoStrategy(long.MaxValue).GenerateAndSum(new GenerateAndSumRequest(100, 1), new CallbackProgress(_ => throw failure));

        Assert.Same(failure, result.ProgressException);
        Assert.Equal(new RandomStream(1).ReferenceSum(0, 100), result.Sum);
    }

    [Fact]
    public void Auto_Parallel_HandlerThatThrows_IsReportedOnTheResult()
    {
        var failure = new InvalidTimeZoneException("observer");
        GenerateAndSumResult result = new AutoStrategy(1).GenerateAndSum(new GenerateAndSumRequest(100, 1), new CallbackProgress(_ => throw failure));

        Assert.Same(failure, result.ProgressException);
        Assert.Equal(AutoStrategy.StrategyName, result.Strategy);
        Assert.Equal(new RandomStream(1).ReferenceSum(0, 100), result.Sum);
    }

    [Theory]
    [InlineData(5L, 4L, false)]
    [InlineData(5L, 5L, true)]
    [InlineData(5L, 6L, true)]
    public void Auto_AtItsThreshold_GoesParallel_BelowIt_RunsInline(long threshold, long count, bool parallel)
    {
        var auto = new AutoStrategy(threshold);
        var request = new GenerateAndSumRequest(count, 3, startIndex: 77);

        GenerateAndSumResult result = auto.GenerateAndSum(request);

        Assert.Equal(request.Stream.ReferenceSum(77, count), result.Sum);
        Assert.Equal(request, result.Request);
        Assert.Equal(AutoStrategy.StrategyName, result.Strategy);
        // Inline runs name no partitioner; the parallel path names its static blocks (never taken on one processor).
        Assert.Equal(parallel && Environment.ProcessorCount > 1 ? IndexRangePartitioners.Default().Name : null, result.Partitioner);
    }

    [Fact]
    public void Auto_Threshold_IsKeptAsGiven()
    {
        Assert.Equal(Environment.ProcessorCount == 1 ? long.MaxValue : 7, new AutoStrategy(7).ParallelThreshold);
        Assert.Equal(Environment.ProcessorCount == 1 ? long.MaxValue : AutoStrategy.DefaultParallelThreshold, new AutoStrategy().ParallelThreshold);
        Assert.Equal(-1L, Assert.Throws<ArgumentOutOfRangeException>("parallelThreshold", () => new AutoStrategy(-1)).ActualValue);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(SimdChunksStrategyOptions.MaxChunkSize)]
    public void SimdChunks_AnyAcceptedChunkSize_EqualsTheDefinition(int chunkSize)
    {
        var strategy = new SimdChunksStrategy(new SimdChunksStrategyOptions { ChunkSize = chunkSize, Partitioner = IndexRangePartitioners.StaticBlocks(3) });
        var request = new GenerateAndSumRequest(chunkSize == 1 ? 5_000 : 100_003, 8, int.MinValue, int.MaxValue, startIndex: 999);
        var reports = new List<GenerateAndSumProgress>();

        GenerateAndSumResult result = strategy.GenerateAndSum(request, new CallbackProgress(r => { lock (reports) { reports.Add(r); } }));

        Assert.Equal(chunkSize, strategy.ChunkSize);
        Assert.Equal(request.Stream.ReferenceSum(999, request.Count), result.Sum);
        Assert.Equal(new GenerateAndSumProgress(request.Count, request.Count), reports[^1]);
    }

    [Fact]
    public async Task SimdChunks_CanceledDuringALongRange_StopsBeforeItsEnd()
    {
        // One range of 2^36 values on one worker: only the checks inside the chunk loop can end it early.
        var strategy = new SimdChunksStrategy(new SimdChunksStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(1), MaxDegreeOfParallelism = 1 });
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(200));

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(strategy.GenerateAndSum(new GenerateAndSumRequest(1L << 36, 2), null, cts.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void DefaultWorkerLimit_RunsAsManyWorkersAsSequences_UpTo64OrTheProcessorCount()
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(200) });

        GenerateAndSumResult result = strategy.GenerateAndSum(new GenerateAndSumRequest(10_000, 4));

        Assert.Equal(Math.Max(64, Environment.ProcessorCount), result.WorkerCount);
        Assert.Equal(200, result.RangeCount);
        Assert.Equal(new RandomStream(4).ReferenceSum(0, 10_000), result.Sum);
    }

    [Fact]
    public void ParallelFor_CustomPartitionersRangeLongerThanAnArray_IsRefusedNamingIt_BeforeAllocating()
    {
        var strategy = new ParallelForStrategy(new PartitionedStrategyOptions { Partitioner = new OneRange() });
        long count = (long)Array.MaxLength + 1;

        var e = Assert.Throws<InvalidOperationException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(count, 1)));

        Assert.Contains($"partitioner 'one-range' yielded [0, {count}) of {count} values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParallelFor_BoundedPartitionerAtExactlyAnArray_IsAccepted()
    {
        var strategy = new ParallelForStrategy(new PartitionedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(2) });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // Accepted by the up-front check (which throws synchronously), then canceled.
        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(2L * Array.MaxLength, 1), null, cts.Token);

        Assert.True(task.IsCanceled, $"ended {task.Status}");
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = strategy.GenerateAndSumAsync(new GenerateAndSumRequest((2L * Array.MaxLength) + 1, 1)); });
        Assert.Contains($"ranges of {(long)Array.MaxLength + 1} values for request.Count {(2L * Array.MaxLength) + 1}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaiveList_AtItsLargestCount_IsAccepted_OneMoreIsRefusedNamingTheLimit()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var strategy = new NaiveListStrategy();

        Assert.True(strategy.GenerateAndSumAsync(new GenerateAndSumRequest(NaiveListStrategy.MaxCount, 1), null, cts.Token).IsCanceled);
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => strategy.GenerateAndSum(new GenerateAndSumRequest(NaiveListStrategy.MaxCount + 1, 1)));
        Assert.Contains($"request.Count must be from 0 to {Array.MaxLength}", e.Message, StringComparison.Ordinal);
        Assert.Equal(NaiveListStrategy.MaxCount + 1, e.ActualValue);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData((2L * RunContext.StepLength) + 3, 1L)]
    public void NaiveList_SumsFromAnyStart_WithOneRangeForAnyWork(long count, long ranges)
    {
        var request = new GenerateAndSumRequest(count, 21, -7, 7, startIndex: long.MaxValue - count);
        var reports = new List<GenerateAndSumProgress>();

        GenerateAndSumResult result = new NaiveListStrategy().GenerateAndSum(request, new CallbackProgress(reports.Add));

        Assert.Equal(request.Stream.ReferenceSum(request.StartIndex, count), result.Sum);
        Assert.Equal((ranges, 1, (string?)null), (result.RangeCount, result.WorkerCount, result.Partitioner));
        Assert.Equal(new GenerateAndSumProgress(count, count), reports[^1]);
    }

    [Fact]
    public async Task NaiveList_CanceledWhileRunning_Throws()
    {
        // 200 million values would take seconds; the cancel comes after 100 ms.
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(100));

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(new NaiveListStrategy().GenerateAndSum(new GenerateAndSumRequest(200_000_000, 1), null, cts.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Theory]
    [InlineData("STREAMING", StreamingStrategy.StrategyName)]
    [InlineData("Parallel-For", ParallelForStrategy.StrategyName)]
    [InlineData("Simd-Chunks", SimdChunksStrategy.StrategyName)]
    [InlineData("Naive-List", NaiveListStrategy.StrategyName)]
    [InlineData("Auto", AutoStrategy.StrategyName)]
    public void Create_ComparesNamesWithoutRegardToCase(string given, string name)
    {
        Assert.Equal(name, GenerateAndSumStrategies.Create(given).Name);
        Assert.Equal(name is ParallelForStrategy.StrategyName or SimdChunksStrategy.StrategyName or StreamingStrategy.StrategyName, GenerateAndSumStrategies.TakesPartitioner(given));
    }

    [Fact]
    public void Create_GivesThePartitionerToEveryPartitionedStrategy()
    {
        IIndexRangePartitioner partitioner = IndexRangePartitioners.StaticBlocks(5);

        Assert.Same(partitioner, ((StreamingStrategy)GenerateAndSumStrategies.Create("streaming", partitioner)).Partitioner);
        Assert.Same(partitioner, ((ParallelForStrategy)GenerateAndSumStrategies.Create("parallel-for", partitioner)).Partitioner);
        Assert.Same(partitioner, ((SimdChunksStrategy)GenerateAndSumStrategies.Create("simd-chunks", partitioner)).Partitioner);
        Assert.Equal(SimdChunksStrategyOptions.DefaultChunkSize, ((SimdChunksStrategy)GenerateAndSumStrategies.Create("simd-chunks", partitioner)).ChunkSize);
        Assert.Equal(IndexRangePartitioners.Default().Name, ((StreamingStrategy)GenerateAndSumStrategies.Create("streaming")).Partitioner.Name);
    }

    [Fact]
    public void Create_NullName_IsRefused()
    {
        Assert.Throws<ArgumentNullException>("name", () => GenerateAndSumStrategies.Create(null!));
        Assert.Throws<ArgumentNullException>("name", () => GenerateAndSumStrategies.TakesPartitioner(null!));
        var e = Assert.Throws<ArgumentException>("name", () => GenerateAndSumStrategies.Create("Bogus"));
        Assert.Contains("Unknown strategy 'Bogus'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullRequest_IsRefusedByEveryStrategy_InBothForms()
    {
        foreach (IGenerateAndSum strategy in GenerateAndSumStrategies.Names.Select(n => GenerateAndSumStrategies.Create(n)))
        {
            Assert.Throws<ArgumentNullException>("request", () => strategy.GenerateAndSum(null!));
            Assert.Throws<ArgumentNullException>("request", () => { _ = strategy.GenerateAndSumAsync(null!); });
        }
    }

    [Fact]
    public void Options_Refusals_NameTheOptionAndItsRange()
    {
        var workers = Assert.Throws<ArgumentOutOfRangeException>("options", () => new StreamingStrategy(new PartitionedStrategyOptions { MaxDegreeOfParallelism = -2 }));
        Assert.Contains($"options.MaxDegreeOfParallelism must be -1 (one worker per processor) or from 1 to {int.MaxValue}", workers.Message, StringComparison.Ordinal);
        Assert.Equal(-2, workers.ActualValue);
        var partitioner = Assert.Throws<ArgumentException>("options", () => new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = null! }));
        Assert.Contains("options.Partitioner must not be null", partitioner.Message, StringComparison.Ordinal);
        var chunk = Assert.Throws<ArgumentOutOfRangeException>("options", () => new SimdChunksStrategy(new SimdChunksStrategyOptions { ChunkSize = 0 }));
        Assert.Equal(0, chunk.ActualValue);
        Assert.Contains($"options.ChunkSize must be from 1 to {SimdChunksStrategyOptions.MaxChunkSize}", chunk.Message, StringComparison.Ordinal);
        Assert.Null(Record.Exception(() => new StreamingStrategy(new PartitionedStrategyOptions { MaxDegreeOfParallelism = -1 })));
        Assert.Null(Record.Exception(() => new StreamingStrategy(new PartitionedStrategyOptions { MaxDegreeOfParallelism = 1 })));
    }

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(2, 7L)]
    [InlineData(64, 7L)]
    public void Auto_OnOneProcessor_AlwaysRunsInline(int processors, long threshold)
    {
        var auto = new AutoStrategy(7, processors);

        Assert.Equal(threshold, auto.ParallelThreshold);
        Assert.Equal(processors == 1 ? 1 : Environment.ProcessorCount, auto.GenerateAndSum(new GenerateAndSumRequest(1000, 2)).WorkerCount);
    }

    /// <summary>Each strategy's exact chunk or range sum is told the request's whole range; values spread over all of
    /// int would wrap a sum that assumed a narrower one.</summary>
    [Theory]
    [InlineData("naive-list")]
    [InlineData("parallel-for")]
    [InlineData("simd-chunks")]
    [InlineData("streaming")]
    [InlineData("auto")]
    public void FullIntRange_SmallCount_IsExact(string name)
    {
        var request = new GenerateAndSumRequest(10_000, 99, int.MinValue, int.MaxValue, 123);

        Assert.Equal(new RandomStream(99, int.MinValue, int.MaxValue).ReferenceSum(123, 10_000), GenerateAndSumStrategies.Create(name).GenerateAndSum(request).Sum);
    }

    private sealed class OneRange : IIndexRangePartitioner
    {
        public string Name => "one-range";

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => [[new IndexRange(0, count)]];
    }
}
