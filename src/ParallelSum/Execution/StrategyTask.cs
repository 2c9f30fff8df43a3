namespace ParallelSum.Execution;

/// <summary>Turns a synchronous run into the task <see cref="IGenerateAndSum"/> returns, following the BCL convention:
/// argument errors are thrown by the caller before this point; run errors fault the task; cancellation cancels it.</summary>
internal static class StrategyTask
{
    public static Task<GenerateAndSumResult> Run(Func<GenerateAndSumResult> run, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GenerateAndSumResult>(cancellationToken);
        }

        try
        {
            return Task.FromResult(run());
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
