namespace ParallelSum.Execution;

/// <summary>
/// What the engine does with each range a partitioner yields, and how a worker's partial results are merged. The engine
/// (<see cref="PartitionedRun{TWorker}"/>) does the rest once for every kind of work: scheduling, partitioner faults,
/// coverage, cancellation, the first failure stopping the others.
/// </summary>
/// <typeparam name="TWorker">What one worker keeps across its ranges: its partial result and any reusable buffer.</typeparam>
internal abstract class RangeWork<TWorker>
    where TWorker : class
{
    /// <summary>Creates the state of one worker, before its first range.</summary>
    public abstract TWorker CreateWorker();

    /// <summary>Does the work of one non-empty, already checked range of <c>[0, count)</c>, calling <see cref="RunContext.Advance"/>
    /// often enough for cancellation to be prompt.</summary>
    public abstract void Run(RunContext context, IndexRange range, TWorker worker);

    /// <summary>Merges a worker's partial result into the call's and releases its state; called once per worker, after its last range.</summary>
    public abstract void Finish(TWorker worker);
}
