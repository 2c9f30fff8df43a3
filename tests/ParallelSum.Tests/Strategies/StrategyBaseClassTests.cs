using System.Diagnostics;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Strategies;

/// <summary>
/// What <see cref="GenerateAndSumStrategy"/> does for a strategy written outside the library: the core's progress reaches the
/// caller in both forms, an <see cref="OperationCanceledException"/> from the core cancels the task whether the work ran at
/// once or on the thread pool, an asynchronous-only strategy refuses the synchronous call by name, and the default
/// asynchronous core checks its argument.
/// </summary>
public class StrategyBaseClassTests
{
    /// <summary>Below the base class's limit (the task completes at once) and above it (the core runs on the thread pool).</summary>
    public static TheoryData<long> BothAsynchronousPaths() => new(1_000, GenerateAndSumStrategy.SynchronousCountLimit * 4);

    [Theory]
    [MemberData(nameof(BothAsynchronousPaths))]
    public async Task CoreProgress_ReachesTheCaller_BeforeTheWorkEnds(long count)
    {
        using var seen = new ManualResetEventSlim();
        var progress = new CallbackProgress(p =>
        {
            if (p.CompletedCount == count / 2)
            {
                seen.Set();
            }
        });
        var strategy = new WaitsForItsReport(seen);
        var request = new GenerateAndSumRequest(count, seed: 1);

        GenerateAndSumResult asynchronous = await Deadline.Within(() => strategy.GenerateAndSumAsync(request, progress));
        Assert.Equal(count, asynchronous.Sum);
        seen.Reset();
        GenerateAndSumResult synchronous = await Deadline.Within(() => Task.Run(() => strategy.GenerateAndSum(request, progress)));
        Assert.Equal(count, synchronous.Sum);
    }

    [Theory]
    [MemberData(nameof(BothAsynchronousPaths))]
    public async Task CanceledThroughALinkedToken_TaskIsCanceled(long count)
    {
        using var caller = new CancellationTokenSource();
        var strategy = new ThrowsCanceled(token =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token);
            caller.Cancel();
            linked.Token.ThrowIfCancellationRequested();
        });

        Task<GenerateAndSumResult> task = await Deadline.Ended(strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, seed: 1), cancellationToken: caller.Token));

        Assert.True(task.IsCanceled, $"status {task.Status}");
    }

    [Theory]
    [MemberData(nameof(BothAsynchronousPaths))]
    public async Task OperationCanceledWithATokenNotCanceled_TaskIsCanceledWithThatToken_NotFaulted(long count)
    {
        using var other = new CancellationTokenSource();
        var strategy = new ThrowsCanceled(_ => throw new OperationCanceledException(other.Token));

        Task<GenerateAndSumResult> task = await Deadline.Ended(strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, seed: 1)));

        Assert.True(task.IsCanceled, $"status {task.Status}");
        OperationCanceledException thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(other.Token, thrown.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(BothAsynchronousPaths))]
    public async Task OperationCanceledWithNoToken_TaskIsCanceled_NothingThrownByTheCall(long count)
    {
        var strategy = new ThrowsCanceled(_ => throw new OperationCanceledException());

        Task<GenerateAndSumResult> task = await Deadline.Ended(strategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, seed: 1)));

        Assert.True(task.IsCanceled, $"status {task.Status}");
    }

    [Fact]
    public void AsynchronousOnlyStrategy_SynchronousCall_NamesTheStrategyAndTheCallToMake()
    {
        var strategy = new AsynchronousOnly();

        NotSupportedException thrown = Assert.Throws<NotSupportedException>(() => strategy.GenerateAndSum(new GenerateAndSumRequest(10, seed: 1)));

        Assert.Equal("Strategy 'asynchronous-only' is asynchronous only: call GenerateAndSumAsync.", thrown.Message);
    }

    [Fact]
    public async Task DefaultAsynchronousCore_NullRequest_Throws()
    {
        var strategy = new ForwardsToTheDefaultCore();

        ArgumentNullException thrown = await Assert.ThrowsAsync<ArgumentNullException>(async () => await strategy.CallDefaultCore(null!));

        Assert.Equal("request", thrown.ParamName);
    }

    /// <summary>Reports half the count until the caller's handler has seen that report; the sum is the count.</summary>
    private sealed class WaitsForItsReport(ManualResetEventSlim seen) : GenerateAndSumStrategy
    {
        public override string Name => "waits-for-its-report";

        protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
        {
            // Reports closer together than the base class's interval are merged into the next: report until one is delivered.
            var deadline = Stopwatch.StartNew();
            do
            {
                progress.Report(request.Count / 2);
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("The caller's handler never received the core's report.");
                }
            }
            while (!seen.Wait(TimeSpan.FromMilliseconds(10), cancellationToken));

            return new GenerateAndSumRun(request.Count, WorkerCount: 1, RangeCount: 1, Partitioner: null);
        }
    }

    private sealed class ThrowsCanceled(Action<CancellationToken> core) : GenerateAndSumStrategy
    {
        public override string Name => "throws-canceled";

        protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
        {
            core(cancellationToken);
            throw new InvalidOperationException("The core was expected to throw OperationCanceledException.");
        }
    }

    private sealed class AsynchronousOnly : GenerateAndSumStrategy
    {
        public override string Name => "asynchronous-only";

        protected override ValueTask<GenerateAndSumRun> SumCoreAsync(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
            new(new GenerateAndSumRun(0, WorkerCount: 1, RangeCount: 0, Partitioner: null));
    }

    private sealed class ForwardsToTheDefaultCore : GenerateAndSumStrategy
    {
        public override string Name => "forwards-to-the-default-core";

        public ValueTask<GenerateAndSumRun> CallDefaultCore(GenerateAndSumRequest request) =>
            SumCoreAsync(request, new Progress<long>(), CancellationToken.None);

        protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
            new(0, WorkerCount: 1, RangeCount: 0, Partitioner: null);
    }
}
