using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// The contract every <see cref="IGenerateAndSum"/> keeps. Subclass it in one line for a strategy, built-in or your own:
/// exact sums against the definition, argument checks, cancellation, and progress under a throwing, a slow, a blocking and an
/// order-checking handler.
/// </summary>
public abstract class GenerateAndSumContract
{
    /// <summary>Creates the strategy under test; strategies that take options use <paramref name="options"/> when given.</summary>
    protected abstract GenerateAndSumStrategy Create(ParallelRunOptions? options = null);

    /// <summary>Gets whether the strategy takes <see cref="ParallelRunOptions"/> at all.</summary>
    protected virtual bool TakesOptions => true;

    /// <summary>Gets whether the strategy takes a partitioner in its options.</summary>
    protected virtual bool TakesPartitioner => TakesOptions;

    /// <summary>Gets whether the strategy has a synchronous form; asynchronous-only strategies throw <see cref="NotSupportedException"/>.</summary>
    protected virtual bool SupportsSynchronousCalls => true;

    /// <summary>A count large enough that the strategy is still working when it is canceled, and that it accepts.</summary>
    protected virtual long LongRunningCount => 1_000_000_000_000L;

    /// <summary>A count that takes the strategy long enough for several progress reports (a few hundred milliseconds at least).</summary>
    protected virtual long ReportingCount => 300_000_000L;

    /// <summary>Creates the strategy for the <see cref="LongRunningCount"/> request; by default <see cref="Create"/> with its defaults.</summary>
    protected virtual GenerateAndSumStrategy CreateForLongRun() => Create();

    [Theory]
    [InlineData(0L, 0UL, 0L)]
    [InlineData(10L, 0UL, 48L)]
    [InlineData(1000L, 42UL, 4894L)]
    [InlineData(1000000L, 42UL, 5002298L)]
    public async Task Sum_MatchesKnownAnswer_InBothForms(long count, ulong seed, long expected)
    {
        GenerateAndSumStrategy strategy = Create();
        GenerateAndSumResult result = await strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, seed));
        Assert.Equal(expected, result.Sum);
        Assert.Equal(strategy.Name, result.Strategy);
        Assert.Equal(count, result.Request.Count);
        Assert.Null(result.ProgressException);
        if (SupportsSynchronousCalls)
        {
            Assert.Equal(expected, strategy.GenerateAndSum(new GenerateAndSumRequest(count, seed)).Sum);
        }
        else
        {
            var e = Assert.Throws<NotSupportedException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(count, seed)));
            Assert.Contains("GenerateAndSumAsync", e.Message, StringComparison.Ordinal);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public bool Sum_WithStaticBlocks_OnAnyWorkerCount_EqualsSequentialDefinition(RequestCase c) =>
        SumOf(Create(Options(IndexRangePartitioners.StaticBlocks(), c.Partitions)), c.Request) == Definition(c.Request);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public bool Sum_WithDynamicChunks_OnAnyWorkerCount_EqualsSequentialDefinition(RequestCase c, PositiveInt chunk) =>
        SumOf(Create(Options(IndexRangePartitioners.DynamicChunks(1 + (chunk.Get % 40_000)), c.Partitions)), c.Request) == Definition(c.Request);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public bool Sum_LiesBetweenCountTimesMinAndCountTimesMax(RequestCase c)
    {
        Int128 sum = SumOf(Create(), c.Request);
        return sum >= (Int128)c.Request.Count * c.Request.Min && sum <= (Int128)c.Request.Count * c.Request.Max;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public bool Sum_FromAnyStartIndex_EqualsSequentialDefinitionOfThatSlice(RequestCase c, NonNegativeInt start)
    {
        var slice = new GenerateAndSumRequest(c.Request.Count, c.Request.Seed, c.Request.Min, c.Request.Max, startIndex: start.Get * 7919L);
        return SumOf(Create(Options(IndexRangePartitioners.StaticBlocks(), c.Partitions)), slice) == slice.Stream.ReferenceSum(slice.StartIndex, slice.Count);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public bool Sum_OfTwoSlices_EqualsWhole(RequestCase c, NonNegativeInt split)
    {
        GenerateAndSumRequest whole = c.Request;
        long k = whole.Count == 0 ? 0 : split.Get % (whole.Count + 1);
        var head = new GenerateAndSumRequest(k, whole.Seed, whole.Min, whole.Max);
        var tail = new GenerateAndSumRequest(whole.Count - k, whole.Seed, whole.Min, whole.Max, startIndex: k);
        GenerateAndSumStrategy strategy = Create(Options(IndexRangePartitioners.StaticBlocks(), c.Partitions));
        return SumOf(strategy, head) + SumOf(strategy, tail) == SumOf(strategy, whole);
    }

    [Fact]
    public async Task Sum_SliceThroughTheRejectionIndex_TakesTheFallback()
    {
        var slice = new GenerateAndSumRequest(10_000, 42, int.MinValue, 1073741823, startIndex: 10435888575 - 5000);
        Assert.Equal(SpecReference.Sum(42, slice.StartIndex, slice.Count, slice.Min, slice.Max), (await Create().GenerateAndSumAsync(slice)).Sum);
    }

    [Fact]
    public async Task Sum_FullIntRange_DoesNotOverflow()
    {
        var request = new GenerateAndSumRequest(3_000_000, 7, int.MinValue, int.MaxValue);
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), (await Create().GenerateAndSumAsync(request)).Sum);
    }

    [Fact]
    public async Task Sum_AllValuesNearIntMax_DoesNotOverflow()
    {
        var request = new GenerateAndSumRequest(2_000_000, 3, int.MaxValue - 1, int.MaxValue);
        GenerateAndSumResult result = await Create().GenerateAndSumAsync(request);
        Assert.True(result.Sum > long.MaxValue / (1L << 22));
        Assert.Equal(request.Stream.ReferenceSum(0, request.Count), result.Sum);
    }

    [Fact]
    public void NullRequest_IsRefused_InBothForms()
    {
        GenerateAndSumStrategy strategy = Create();
        Assert.Throws<ArgumentNullException>("request", () => { _ = strategy.GenerateAndSumAsync(null!); });
        Assert.Throws<ArgumentNullException>("request", () => strategy.GenerateAndSum(null!));
    }

    [Fact]
    public async Task AlreadyCanceled_IsACanceledTask_OrThrows()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Task<GenerateAndSumResult> task = Create().GenerateAndSumAsync(new GenerateAndSumRequest(1000, 1), null, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
        if (SupportsSynchronousCalls)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => Create().GenerateAndSum(new GenerateAndSumRequest(1000, 1), null, cts.Token));
        }
    }

    [Fact]
    public async Task LongRequest_ReturnsBeforeTheWorkEnds_AndCancelsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var progress = new CallbackProgress(_ => started.TrySetResult());
        Task<GenerateAndSumResult> run = CreateForLongRun().GenerateAndSumAsync(new GenerateAndSumRequest(LongRunningCount, 1), progress, cts.Token);
        Assert.False(run.IsCompleted);

        await started.Task.WaitAsync(Deadline.Default);
        await cts.CancelAsync();
        // A liveness bound, not a speed claim: uncanceled, this count runs for hours.
        Task<GenerateAndSumResult> ended = await Deadline.Ended(run);
        Assert.True(ended.IsCanceled, $"ended {ended.Status}: {ended.Exception?.InnerException?.Message}");
    }

    [Fact]
    public async Task Progress_OrderChecking_OneReportAtATime_NeverBackwards_EndsAtCount()
    {
        long count = ReportingCount;
        var checker = new OrderCheckingProgress();
        await Create().GenerateAndSumAsync(new GenerateAndSumRequest(count, 9), checker);

        GenerateAndSumProgress[] reports = checker.Reports.ToArray();
        Assert.Null(checker.Violation);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(count, r.TotalCount));
        Assert.Equal(count, reports[^1].CompletedCount);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.CompletedCount < p.Second.CompletedCount));
    }

    [Fact]
    public async Task Progress_HandlerThatThrows_NeverLosesTheSum_AndIsKeptOnTheResult()
    {
        var request = new GenerateAndSumRequest(ReportingCount, 11);
        var handler = new ThrowingProgress();
        GenerateAndSumResult result = await Create().GenerateAndSumAsync(request, handler).WaitAsync(Deadline.Default);

        Assert.Equal(Definition(request), result.Sum);
        Assert.NotNull(handler.Thrown);
        Assert.Same(handler.Thrown, result.ProgressException);
        Assert.Equal(0, handler.CallsAfterThrowing);
    }

    [Fact]
    public async Task Progress_SlowHandler_DoesNotChangeTheSum_AndIsNeverCalledConcurrently()
    {
        var request = new GenerateAndSumRequest(ReportingCount, 13);
        var slow = new OrderCheckingProgress(delay: TimeSpan.FromMilliseconds(150));
        GenerateAndSumResult result = await Create().GenerateAndSumAsync(request, slow).WaitAsync(Deadline.Default);

        Assert.Equal(Definition(request), result.Sum);
        Assert.Null(slow.Violation);
        Assert.Equal(request.Count, slow.Reports.Last().CompletedCount);
    }

    [Fact]
    public async Task Progress_HandlerThatBlocks_DoesNotDelayCancellation()
    {
        using var release = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        var blocked = new TaskCompletionSource();
        var handler = new CallbackProgress(_ =>
        {
            blocked.TrySetResult();
            release.Wait(Deadline.Default);
        });
        try
        {
            Task<GenerateAndSumResult> run = CreateForLongRun().GenerateAndSumAsync(new GenerateAndSumRequest(LongRunningCount, 1), handler, cts.Token);
            await blocked.Task.WaitAsync(Deadline.Default);
            await cts.CancelAsync();

            // The handler is still blocked: the call must end anyway.
            Task<GenerateAndSumResult> ended = await Deadline.Ended(run);
            Assert.True(ended.IsCanceled, $"ended {ended.Status}");
            Assert.False(release.IsSet);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task OneInstance_UsedFromManyThreads_GivesEveryCallerItsOwnExactSum()
    {
        GenerateAndSumStrategy strategy = Create(Options(IndexRangePartitioners.DynamicChunks(10_000), 3));
        GenerateAndSumRequest[] requests = [.. Enumerable.Range(0, 48).Select(i => new GenerateAndSumRequest(50_000 + (i * 7919), (ulong)i, -i, i * 3))];
        var results = new ConcurrentDictionary<int, Int128>();

        await Parallel.ForAsync(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            results[i] = (await strategy.GenerateAndSumAsync(requests[i], null, ct)).Sum);

        Assert.All(Enumerable.Range(0, requests.Length), i => Assert.Equal(Definition(requests[i]), results[i]));
    }

    protected static Int128 Definition(GenerateAndSumRequest request) => request.Stream.ReferenceSum(request.StartIndex, request.Count);

    protected static Int128 SumOf(IGenerateAndSum strategy, GenerateAndSumRequest request) =>
        strategy.GenerateAndSumAsync(request).WaitAsync(Deadline.Default).GetAwaiter().GetResult().Sum;

    /// <summary>The options for a worker count and partitioner, as far as the strategy takes them.</summary>
    private ParallelRunOptions? Options(IndexRangePartitioner partitioner, int workers) =>
        !TakesOptions ? null : new ParallelRunOptions { MaxDegreeOfParallelism = workers, Partitioner = TakesPartitioner ? partitioner : null };

    /// <summary>Records reports and the first breach of the contract: two calls at once, or a count that goes backwards.</summary>
    protected sealed class OrderCheckingProgress(TimeSpan? delay = null) : IProgress<GenerateAndSumProgress>
    {
        private int _inside;
        private long _last = -1;

        public ConcurrentQueue<GenerateAndSumProgress> Reports { get; } = new();

        public string? Violation { get; private set; }

        public void Report(GenerateAndSumProgress value)
        {
            if (Interlocked.Exchange(ref _inside, 1) != 0)
            {
                Violation ??= $"two reports at once, at {value.CompletedCount}";
            }

            if (value.CompletedCount <= _last)
            {
                Violation ??= $"{value.CompletedCount} reported after {_last}";
            }

            _last = value.CompletedCount;
            Reports.Enqueue(value);
            if (delay is { } d)
            {
                Thread.Sleep(d);
            }

            Volatile.Write(ref _inside, 0);
        }
    }

    /// <summary>Throws on its first report, and counts the calls that come after.</summary>
    protected sealed class ThrowingProgress : IProgress<GenerateAndSumProgress>
    {
        public Exception? Thrown { get; private set; }

        public int CallsAfterThrowing { get; private set; }

        public void Report(GenerateAndSumProgress value)
        {
            if (Thrown is not null)
            {
                CallsAfterThrowing++;
                return;
            }

            Thrown = new InvalidOperationException($"handler failed at {value.CompletedCount} of {value.TotalCount}");
            throw Thrown;
        }
    }
}
