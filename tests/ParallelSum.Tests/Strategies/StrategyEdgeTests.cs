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
    [InlineData((long)StreamingStrategy.StepLength - 1)]
    [InlineData((long)StreamingStrategy.StepLength)]
    [InlineData((3L * StreamingStrategy.StepLength) + 5)]
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
        Assert.Equal(parallel && Environment.ProcessorCount > 1 ? IndexRangePartitioners.StaticBlocks().Name : null, result.Partitioner);
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
    [InlineData(SimdChunksStrategy.MaxChunkSize)]
    public void SimdChunks_AnyAcceptedChunkSize_EqualsTheDefinition(int chunkSize)
    {
        var strategy = new SimdChunksStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 3 }, chunkSize);
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
        var strategy = new SimdChunksStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 1 });
        using CancellationTokenSource cts = CancelSoon.After(TimeSpan.FromMilliseconds(200));

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(strategy.GenerateAndSum(new GenerateAndSumRequest(1L << 36, 2), null, cts.Token)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void DefaultWorkerLimit_IsOnePartitionPerProcessor()
    {
        GenerateAndSumResult result = new StreamingStrategy().GenerateAndSum(new GenerateAndSumRequest(10_000, 4));

        Assert.InRange(result.WorkerCount, 1, Environment.ProcessorCount);
        Assert.Equal(Environment.ProcessorCount, result.RangeCount);
        Assert.Equal(new RandomStream(4).ReferenceSum(0, 10_000), result.Sum);
    }

    [Fact]
    public void AWorkerLimit_IsOnePartitionPerWorker()
    {
        GenerateAndSumResult result = new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 200 }).GenerateAndSum(new GenerateAndSumRequest(10_000, 4));

        Assert.InRange(result.WorkerCount, 1, 200);
        Assert.Equal(200, result.RangeCount);
        Assert.Equal(new RandomStream(4).ReferenceSum(0, 10_000), result.Sum);
    }

    [Fact]
    public void ParallelFor_BlocksOfExactlyAnArray_AreAccepted_OneMoreValueIsRefused()
    {
        var strategy = new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 2 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // Accepted by the up-front check (which throws synchronously), then canceled.
        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(2L * Array.MaxLength, 1), null, cts.Token);

        Assert.True(task.IsCanceled, $"ended {task.Status}");
        var e = Assert.Throws<ArgumentOutOfRangeException>("request", () => { _ = strategy.GenerateAndSumAsync(new GenerateAndSumRequest((2L * Array.MaxLength) + 1, 1)); });
        Assert.Contains($"makes blocks of {(long)Array.MaxLength + 1}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParallelFor_TakesNoPartitioner()
    {
        var e = Assert.Throws<ArgumentException>("options", () => new ParallelForStrategy(new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(10) }));
        Assert.Contains("takes no partitioner ('dynamic-chunks(10)' given)", e.Message, StringComparison.Ordinal);
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
    [InlineData((2L * StreamingStrategy.StepLength) + 3, 1L)]
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
        Assert.Equal(name is SimdChunksStrategy.StrategyName or StreamingStrategy.StrategyName, GenerateAndSumStrategies.TakesPartitioner(given));
    }

    [Fact]
    public void Create_GivesTheOptionsToEveryStrategyThatTakesThem_AndRefusesThemForTheOthers()
    {
        var options = new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(5), MaxDegreeOfParallelism = 3 };

        Assert.Same(options, ((StreamingStrategy)GenerateAndSumStrategies.Create("streaming", options)).Options);
        Assert.Same(options, ((SimdChunksStrategy)GenerateAndSumStrategies.Create("simd-chunks", options)).Options);
        Assert.Equal(SimdChunksStrategy.DefaultChunkSize, ((SimdChunksStrategy)GenerateAndSumStrategies.Create("simd-chunks", options)).ChunkSize);
        var workersOnly = new ParallelRunOptions { MaxDegreeOfParallelism = 3 };
        Assert.Same(workersOnly, ((ParallelForStrategy)GenerateAndSumStrategies.Create("parallel-for", workersOnly)).Options);
        Assert.Same(ParallelRunOptions.Default, ((StreamingStrategy)GenerateAndSumStrategies.Create("streaming")).Options);
        Assert.Throws<ArgumentException>("options", () => GenerateAndSumStrategies.Create("parallel-for", options));
        var auto = Assert.Throws<ArgumentException>("options", () => GenerateAndSumStrategies.Create("auto", workersOnly));
        Assert.Contains("Strategy 'auto' takes no options (it chooses its own)", auto.Message, StringComparison.Ordinal);
        var naive = Assert.Throws<ArgumentException>("options", () => GenerateAndSumStrategies.Create("Naive-List", workersOnly));
        Assert.Contains("Strategy 'naive-list' takes no options (it runs on one thread)", naive.Message, StringComparison.Ordinal);
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
        foreach (GenerateAndSumStrategy strategy in GenerateAndSumStrategies.Names.Select(n => GenerateAndSumStrategies.Create(n)))
        {
            Assert.Throws<ArgumentNullException>("request", () => strategy.GenerateAndSum(null!));
            Assert.Throws<ArgumentNullException>("request", () => { _ = strategy.GenerateAndSumAsync(null!); });
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void Options_Refusals_NameTheOptionAndItsRange(int maxDegreeOfParallelism)
    {
        var options = new ParallelRunOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        foreach (Func<GenerateAndSumStrategy> create in new Func<GenerateAndSumStrategy>[] { () => new StreamingStrategy(options), () => new SimdChunksStrategy(options), () => new ParallelForStrategy(options) })
        {
            var e = Assert.Throws<ArgumentException>("options", create);
            Assert.StartsWith($"options: MaxDegreeOfParallelism: must be -1 (no limit: one worker per processor) or from 1 to 2147483647; it is {maxDegreeOfParallelism}.", e.Message, StringComparison.Ordinal);
        }

        Assert.Null(Record.Exception(() => new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = -1 })));
        Assert.Null(Record.Exception(() => new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 1 })));
        Assert.Null(Record.Exception(() => new StreamingStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = int.MaxValue })));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(SimdChunksStrategy.MaxChunkSize + 1)]
    public void SimdChunks_ChunkSizeOutOfRange_IsRefusedNamingIt(int chunkSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("chunkSize", () => new SimdChunksStrategy(chunkSize: chunkSize));
        Assert.Equal(chunkSize, e.ActualValue);
    }

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(2, 7L)]
    [InlineData(64, 7L)]
    public void Auto_OnOneProcessor_AlwaysRunsInline(int processors, long threshold)
    {
        var auto = new AutoStrategy(7, processors);

        Assert.Equal(threshold, auto.ParallelThreshold);
        GenerateAndSumResult result = auto.GenerateAndSum(new GenerateAndSumRequest(1000, 2));
        Assert.Equal(processors == 1 ? null : IndexRangePartitioners.StaticBlocks().Name, result.Partitioner);
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

    [Fact]
    public void ParallelFor_NoValues_OneWorkerAndNoRanges()
    {
        GenerateAndSumResult result = new ParallelForStrategy(new ParallelRunOptions { MaxDegreeOfParallelism = 4 }).GenerateAndSum(new GenerateAndSumRequest(0, 1));

        Assert.Equal(((Int128)0, 1, 0L), (result.Sum, result.WorkerCount, result.RangeCount));
    }

    [Fact]
    public void ParallelFor_ABlockThatFails_ThrowsItsException_NotParallelForsAggregate()
    {
        // Through the public calls only running out of memory fails a block; a progress receiver that throws stands in for it.
        var request = new GenerateAndSumRequest(4 * StreamingStrategy.StepLength, 1);

        IOException thrown = Assert.Throws<IOException>(() => ParallelForStrategy.Sum(request, blocks: 2, new ThrowingProgress(), CancellationToken.None));

        Assert.Equal(ThrowingProgress.Message, thrown.Message);
    }

    [Fact]
    public void Streaming_Inline_ReportsTheEndOfEveryStep()
    {
        long count = (3 * StreamingStrategy.StepLength) + 5;
        var request = new GenerateAndSumRequest(count, 11, startIndex: 7);
        var reports = new RecordingProgress();

        GenerateAndSumRun run = StreamingStrategy.Sum(request, inlineBelow: long.MaxValue, ParallelRunOptions.Default, reports, CancellationToken.None);

        Assert.Equal(request.Stream.ReferenceSum(7, count), run.Sum);
        Assert.Equal([StreamingStrategy.StepLength, 2 * StreamingStrategy.StepLength, 3 * StreamingStrategy.StepLength, count], reports.Values);
    }

    [Fact]
    public void Streaming_Inline_CanceledToken_Throws()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        OperationCanceledException thrown = Assert.Throws<OperationCanceledException>(() =>
            StreamingStrategy.Sum(new GenerateAndSumRequest(10, 1), inlineBelow: long.MaxValue, ParallelRunOptions.Default, progress: null, canceled.Token));

        Assert.Equal(canceled.Token, thrown.CancellationToken);
    }

    private sealed class ThrowingProgress : IProgress<long>
    {
        public const string Message = "a block failed";

        public void Report(long value) => throw new IOException(Message);
    }

    private sealed class RecordingProgress : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }
}
