using System.Collections;
using System.Collections.Concurrent;
using ParallelSum.Execution;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// What the engine promises beyond the sum: the first failure stops every other worker, a partitioner is named by its type
/// when its name is blank, the sync/async threshold of the built-in strategies, the step loop's refusals, and how progress
/// reports are ordered.
/// </summary>
public class EngineBehaviourTests
{
    [Fact]
    public async Task FirstFailure_StopsAWorkerOnAnEndlessSequence()
    {
        // One sequence fails after its first range; the other never ends on its own. Without the stop signal the second
        // worker would run forever.
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new FailingBesideEndless(), MaxDegreeOfParallelism = 2 });

        Task<GenerateAndSumResult> task = Deadline.Within(() => Task.FromResult(strategy.GenerateAndSum(new GenerateAndSumRequest(100, 1))));
        var e = await Assert.ThrowsAsync<InvalidPartitioningException>(() => task);

        Assert.IsType<InvalidCastException>(e.InnerException);
        Assert.Equal(nameof(FailingBesideEndless), e.PartitionerName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void BlankPartitionerName_IsReplacedByItsTypeName(string? name)
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new Named(name) });

        GenerateAndSumResult result = strategy.GenerateAndSum(new GenerateAndSumRequest(1000, 5));

        Assert.Equal(nameof(Named), result.Partitioner);
        Assert.Equal(new RandomStream(5).ReferenceSum(0, 1000), result.Sum);
    }

    [Fact]
    public void PartitionerName_IsReportedAsGiven()
    {
        GenerateAndSumResult result = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new Named(" spaced ") }).GenerateAndSum(new GenerateAndSumRequest(10, 5));

        Assert.Equal(" spaced ", result.Partitioner);
    }

    [Fact]
    public void NegativeSequenceCount_ForAPositiveCount_IsRefusedNamingThePartitioner()
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new NegativeCount() });

        var e = Assert.Throws<InvalidPartitioningException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(10, 5)));

        Assert.Contains("returned no sequence from Partition(10)", e.Message, StringComparison.Ordinal);
        Assert.Equal("negative", e.PartitionerName);
    }

    [Fact]
    public void NegativeSequenceCount_ForACountOfZero_IsNoWork()
    {
        GenerateAndSumResult result = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new NegativeCount() }).GenerateAndSum(new GenerateAndSumRequest(0, 5));

        Assert.Equal(0, result.Sum);
        Assert.Equal(0, result.RangeCount);
    }

    [Fact]
    public async Task AtTheSynchronousLimit_TheAsyncCallLeavesAllWorkToThePool()
    {
        // From the limit on, the calling thread generates nothing: not even the final progress report comes from it.
        long count = StrategyTask.SynchronousCountLimit;
        var threads = new ConcurrentBag<int>();
        var progress = new CallbackProgress(_ => threads.Add(Environment.CurrentManagedThreadId));
        int caller = 0;
        Task<GenerateAndSumResult>? task = null;
        var thread = new Thread(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            task = new StreamingStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(count, 9), progress);
        });
        thread.Start();
        Assert.True(thread.Join(Deadline.Default));

        GenerateAndSumResult result = await task!.WaitAsync(Deadline.Default);

        Assert.Equal(new RandomStream(9).ReferenceSum(0, count), result.Sum);
        Assert.NotEmpty(threads);
        Assert.DoesNotContain(caller, threads);
    }

    [Fact]
    public async Task BelowTheSynchronousLimit_TheAsyncCallHasCompletedWhenItReturns()
    {
        long count = StrategyTask.SynchronousCountLimit - 1;

        Task<GenerateAndSumResult> task = new StreamingStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(count, 9));

        Assert.True(task.IsCompletedSuccessfully, $"ended {task.Status}");
        Assert.Equal(new RandomStream(9).ReferenceSum(0, count), (await task).Sum);
    }

    [Fact]
    public void BelowTheSynchronousLimit_AFailureFaultsTheTask_ItIsNotThrown()
    {
        var strategy = new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = new NegativeCount() });

        Task<GenerateAndSumResult> task = strategy.GenerateAndSumAsync(new GenerateAndSumRequest(10, 5));

        Assert.True(task.IsFaulted, $"ended {task.Status}");
        Assert.IsType<InvalidPartitioningException>(task.Exception!.InnerException);
    }

    [Theory]
    [InlineData(-1, 0, 1, "start")]
    [InlineData(0, -1, 1, "count")]
    [InlineData(0, 0, 0, "stepLength")]
    public void Steps_RefuseNegativeValuesAndEmptySteps_NamingTheArgument(long start, long count, long stepLength, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSteps(start, count, stepLength));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Steps_PastLongMaxValue_AreRefused_NeverWrapped()
    {
        Assert.Throws<OverflowException>(() => new IndexSteps(long.MaxValue - 1, 2, 1));
    }

    [Fact]
    public void Steps_OfOneValuePerStep_AreEveryIndexInOrder()
    {
        var steps = new List<IndexRange>();
        foreach (IndexRange step in IndexSteps.Of(new IndexRange(3, 7), 1))
        {
            steps.Add(step);
        }

        Assert.Equal([new IndexRange(3, 4), new IndexRange(4, 5), new IndexRange(5, 6), new IndexRange(6, 7)], steps);
    }

    [Fact]
    public void Progress_OfACountOfZero_IsReportedOnceAsComplete()
    {
        var reports = new List<GenerateAndSumProgress>();
        var reporter = new ProgressReporter(new CallbackProgress(reports.Add), 0);

        reporter.Complete();

        Assert.Equal([new GenerateAndSumProgress(0, 0)], reports);
    }

    [Fact]
    public void Progress_AlreadyReportedAtTheTotal_IsNotReportedAgainAtCompletion()
    {
        // Reports are strictly increasing: once the total has been reported, completion adds no second report of it.
        var reports = new List<GenerateAndSumProgress>();
        var reporter = new ProgressReporter(new CallbackProgress(reports.Add), 10);
        Thread.Sleep(200); // longer than the interval between reports, so the next Add reports

        reporter.Add(10);
        reporter.Complete();

        Assert.Equal([new GenerateAndSumProgress(10, 10)], reports);
    }

    [Fact]
    public void Progress_AfterTheIntervalHasPassed_IsReportedBeforeCompletion()
    {
        var reports = new List<GenerateAndSumProgress>();
        var reporter = new ProgressReporter(new CallbackProgress(reports.Add), 10);
        Thread.Sleep(200);

        reporter.Add(4);
        Assert.Equal([new GenerateAndSumProgress(4, 10)], reports);
        reporter.Add(6);
        reporter.Complete();

        Assert.Equal(new GenerateAndSumProgress(10, 10), reports[^1]);
    }

    [Fact]
    public void Progress_HandlerThatThrows_IsKeptAndNotCalledAgain()
    {
        int calls = 0;
        var failure = new InvalidTimeZoneException("observer");
        var reporter = new ProgressReporter(new CallbackProgress(_ => { calls++; throw failure; }), 10);
        Thread.Sleep(200);

        reporter.Add(5);
        Thread.Sleep(200);
        reporter.Add(5);
        reporter.Complete();

        Assert.Equal(1, calls);
        Assert.Same(failure, reporter.HandlerException);
    }

    [Fact]
    public void Progress_HandlerThatThrowsAtCompletion_IsKept()
    {
        var failure = new InvalidTimeZoneException("observer");
        var reporter = new ProgressReporter(new CallbackProgress(_ => throw failure), 10);

        reporter.Add(10);
        reporter.Complete();

        Assert.Same(failure, reporter.HandlerException);
    }

    [Fact]
    public void Context_AfterStop_RefusesToContinue_WithoutACanceledToken()
    {
        var context = new RunContext(null, CancellationToken.None);
        context.Advance(1);
        Assert.False(context.IsStopped);

        context.Stop();

        Assert.True(context.IsStopped);
        Assert.Throws<OperationCanceledException>(() => context.Advance(1));
        Assert.Throws<OperationCanceledException>(context.ThrowIfStopped);
    }

    [Fact]
    public void Context_Advance_ForwardsTheCountToProgress()
    {
        var reports = new List<GenerateAndSumProgress>();
        var reporter = new ProgressReporter(new CallbackProgress(reports.Add), 7);
        var context = new RunContext(reporter, CancellationToken.None);

        context.Advance(3);
        context.Advance(4);
        reporter.Complete();

        Assert.Equal(new GenerateAndSumProgress(7, 7), reports[^1]);
    }

    /// <summary>Sequence 0 yields the whole count then throws; sequence 1 yields empty ranges for ever.</summary>
    private sealed class FailingBesideEndless : IIndexRangePartitioner
    {
        public string Name => nameof(FailingBesideEndless);

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => [ThenThrow(count), Endless()];

        private static IEnumerable<IndexRange> ThenThrow(long count)
        {
            yield return new IndexRange(0, count);
            throw new InvalidCastException("broken after the first range");
        }

        private static IEnumerable<IndexRange> Endless()
        {
            while (true)
            {
                yield return new IndexRange(0, 0);
            }
        }
    }

    private sealed class Named(string? name) : IIndexRangePartitioner
    {
        public string Name => name!;

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => [[new IndexRange(0, count)]];
    }

    /// <summary>A list that says it holds -1 sequences.</summary>
    private sealed class NegativeCount : IIndexRangePartitioner, IReadOnlyList<IEnumerable<IndexRange>>
    {
        public string Name => "negative";

        public int Count => -1;

        public IEnumerable<IndexRange> this[int index] => throw new InvalidOperationException("no sequence to read");

        public IReadOnlyList<IEnumerable<IndexRange>> Partition(long count) => this;

        public IEnumerator<IEnumerable<IndexRange>> GetEnumerator() => Enumerable.Empty<IEnumerable<IndexRange>>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
