namespace ParallelSum.Execution;

/// <summary>The part of a generate-and-sum strategy that sums one range; the engine does partitioning, checking and merging.</summary>
/// <typeparam name="TWorkerState">State one worker keeps across its ranges, such as a reusable buffer.</typeparam>
internal abstract class RangeSummer<TWorkerState>
    where TWorkerState : class
{
    /// <summary>Creates (or rents) the state of one worker.</summary>
    public abstract TWorkerState CreateWorkerState();

    /// <summary>Returns a worker's state once the worker has finished.</summary>
    public virtual void ReleaseWorkerState(TWorkerState state)
    {
    }

    /// <summary>Returns the exact sum of the values of <paramref name="stream"/> at the absolute indices <paramref name="range"/>,
    /// calling <see cref="RunContext.Advance"/> at least every <see cref="RunContext.StepLength"/> values.</summary>
    public abstract Int128 SumRange(RunContext context, in RandomStream stream, IndexRange range, TWorkerState state);
}
