namespace ParallelSum.Execution;

/// <summary>
/// The one way a built-in strategy's <c>GenerateAndSumAsync</c> runs its synchronous <c>GenerateAndSum</c>, following the BCL
/// convention: argument errors are thrown by the caller before this point; run errors fault the task; cancellation cancels it.
/// </summary>
internal static class StrategyTask
{
    /// <summary>Requests of fewer values than this complete synchronously on the calling thread: they take about as long as
    /// handing a work item to the thread pool. Measured with the crossover benchmarks, so not a constant callers compile in.</summary>
    internal static readonly long SynchronousCountLimit = 1L << 14;

    /// <summary>Starts <paramref name="strategy"/>'s synchronous run on the thread pool and returns at once, or runs it inline
    /// for a request below <see cref="SynchronousCountLimit"/>.</summary>
    public static Task<GenerateAndSumResult> Run(ISynchronousStrategy strategy, GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GenerateAndSumResult>(cancellationToken);
        }

        if (request.Count >= SynchronousCountLimit)
        {
            // The calling thread returns now and generates nothing; a canceled token cancels the task, before or during the run.
            return Task.Factory.StartNew(
                static state => ((Call)state!).Run(),
                new Call(strategy, request, progress, cancellationToken),
                cancellationToken,
                TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default);
        }

        try
        {
            return Task.FromResult(strategy.GenerateAndSum(request, progress, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GenerateAndSumResult>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<GenerateAndSumResult>(e);
        }
    }

    private sealed record Call(ISynchronousStrategy Strategy, GenerateAndSumRequest Request, IProgress<GenerateAndSumProgress>? Progress, CancellationToken CancellationToken)
    {
        public GenerateAndSumResult Run() => Strategy.GenerateAndSum(Request, Progress, CancellationToken);
    }
}
