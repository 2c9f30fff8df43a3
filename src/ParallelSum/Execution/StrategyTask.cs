namespace ParallelSum.Execution;

/// <summary>Turns a synchronous run into the task <see cref="IGenerateAndSum"/> returns, following the BCL convention:
/// argument errors are thrown by the caller before this point; run errors fault the task; cancellation cancels it.</summary>
internal static class StrategyTask
{
    /// <summary>Runs <paramref name="run"/> on <paramref name="state"/>; with a static lambda nothing is allocated for the call itself.</summary>
    public static Task<GenerateAndSumResult> Run<TState>(TState state, Func<TState, GenerateAndSumResult> run, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GenerateAndSumResult>(cancellationToken);
        }

        try
        {
            return Task.FromResult(run(state));
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
}
