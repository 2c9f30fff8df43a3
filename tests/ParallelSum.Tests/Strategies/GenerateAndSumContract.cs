using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// The contract every <see cref="IGenerateAndSum"/> must meet. Subclass it in one line for a strategy: built-in or your own.
/// </summary>
public abstract class GenerateAndSumContract
{
    /// <summary>Creates the strategy under test; partitioned strategies use <paramref name="partitioner"/> when given.</summary>
    protected abstract IGenerateAndSum Create(IIndexRangePartitioner? partitioner = null);

    /// <summary>A count large enough that the strategy is still working when it is canceled, and that it accepts.</summary>
    protected virtual long LongRunningCount => 1_000_000_000_000L;

    /// <summary>Creates the strategy for the <see cref="LongRunningCount"/> request; by default <see cref="Create"/> with its default partitioning.</summary>
    protected virtual IGenerateAndSum CreateForLongRun() => Create();

    [Theory]
    [InlineData(0L, 0UL, 0L)]
    [InlineData(10L, 0UL, 48L)]
    [InlineData(1000L, 42UL, 4894L)]
    [InlineData(1000000L, 42UL, 5002298L)]
    public async Task Sum_MatchesKnownAnswer(long count, ulong seed, long expected)
    {
        GenerateAndSumResult result = await Create().GenerateAndSumAsync(new GenerateAndSumRequest(count, seed));
        Assert.Equal(expected, result.Sum);
        Assert.Equal(Create().Name, result.Strategy);
        Assert.Equal(count, result.Request.Count);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Sum_WithStaticBlocks_EqualsSequentialDefinition(RequestCase c) =>
        SumOf(Create(IndexRangePartitioners.StaticBlocks(c.Partitions)), c.Request) == Definition(c.Request);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Sum_WithDynamicChunks_EqualsSequentialDefinition(RequestCase c, PositiveInt chunk) =>
        SumOf(Create(IndexRangePartitioners.DynamicChunks(1 + chunk.Get % 40_000, c.Partitions)), c.Request) == Definition(c.Request);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Sum_LiesBetweenCountTimesMinAndCountTimesMax(RequestCase c)
    {
        Int128 sum = SumOf(Create(), c.Request);
        return sum >= (Int128)c.Request.Count * c.Request.Min && sum <= (Int128)c.Request.Count * c.Request.Max;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Sum_FromAnyStartIndex_EqualsSequentialDefinitionOfThatSlice(RequestCase c, NonNegativeInt start)
    {
        var slice = new GenerateAndSumRequest(c.Request.Count, c.Request.Seed, c.Request.Min, c.Request.Max, startIndex: start.Get * 7919L);
        return SumOf(Create(IndexRangePartitioners.StaticBlocks(c.Partitions)), slice) == slice.Stream.ReferenceSum(slice.StartIndex, slice.Count);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Sum_OfTwoSlices_EqualsWhole(RequestCase c, NonNegativeInt split)
    {
        GenerateAndSumRequest whole = c.Request;
        long k = whole.Count == 0 ? 0 : split.Get % (whole.Count + 1);
        var head = new GenerateAndSumRequest(k, whole.Seed, whole.Min, whole.Max);
        var tail = new GenerateAndSumRequest(whole.Count - k, whole.Seed, whole.Min, whole.Max, startIndex: k);
        IGenerateAndSum strategy = Create(IndexRangePartitioners.StaticBlocks(c.Partitions));
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
    public Task GenerateAndSumAsync_NullRequest_Throws() =>
        Assert.ThrowsAsync<ArgumentNullException>("request", () => Create().GenerateAndSumAsync(null!));

    [Fact]
    public async Task GenerateAndSumAsync_AlreadyCanceled_IsCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Task<GenerateAndSumResult> task = Create().GenerateAndSumAsync(new GenerateAndSumRequest(1000, 1), null, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task GenerateAndSumAsync_CanceledWhileRunning_StopsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var progress = new SynchronousProgress(_ => started.TrySetResult());
        Task<GenerateAndSumResult> run = Task.Run(() => CreateForLongRun().GenerateAndSumAsync(new GenerateAndSumRequest(LongRunningCount, 1), progress, cts.Token));

        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cts.CancelAsync();
        // A liveness bound, not a speed claim: uncanceled, this count runs for hours.
        Task finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(run, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Progress_IsMonotonicAndEndsAtCount()
    {
        const long count = 12_345_678;
        var progress = new SynchronousProgress();
        await Create().GenerateAndSumAsync(new GenerateAndSumRequest(count, 9), progress);

        GenerateAndSumProgress[] reports = progress.Reports.ToArray();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(count, r.TotalCount));
        Assert.Equal(count, reports[^1].CompletedCount);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.CompletedCount < p.Second.CompletedCount));
    }

    [Fact]
    public async Task OneInstance_UsedFromManyThreads_GivesEveryCallerItsOwnExactSum()
    {
        IGenerateAndSum strategy = Create(IndexRangePartitioners.DynamicChunks(10_000, 3));
        var requests = Enumerable.Range(0, 48).Select(i => new GenerateAndSumRequest(50_000 + (i * 7919), (ulong)i, -i, i * 3)).ToArray();
        var results = new ConcurrentDictionary<int, Int128>();

        await Parallel.ForAsync(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            results[i] = (await strategy.GenerateAndSumAsync(requests[i], null, ct)).Sum);

        Assert.All(Enumerable.Range(0, requests.Length), i => Assert.Equal(Definition(requests[i]), results[i]));
    }

    protected static Int128 Definition(GenerateAndSumRequest request) => request.Stream.ReferenceSum(request.StartIndex, request.Count);

    protected static Int128 SumOf(IGenerateAndSum strategy, GenerateAndSumRequest request) =>
        strategy.GenerateAndSumAsync(request).GetAwaiter().GetResult().Sum;

    /// <summary>Records reports on the reporting thread, unlike <see cref="Progress{T}"/>, which posts them.</summary>
    protected sealed class SynchronousProgress(Action<GenerateAndSumProgress>? onReport = null) : IProgress<GenerateAndSumProgress>
    {
        public ConcurrentQueue<GenerateAndSumProgress> Reports { get; } = new();

        public void Report(GenerateAndSumProgress value)
        {
            Reports.Enqueue(value);
            onReport?.Invoke(value);
        }
    }
}
