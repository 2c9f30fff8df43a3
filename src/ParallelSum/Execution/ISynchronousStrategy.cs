namespace ParallelSum.Execution;

/// <summary>A strategy whose synchronous run is its real one; <see cref="StrategyTask"/> builds its asynchronous form.</summary>
internal interface ISynchronousStrategy
{
    /// <summary>Runs the request on the calling thread, which takes part in the work.</summary>
    GenerateAndSumResult GenerateAndSum(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress, CancellationToken cancellationToken);
}
