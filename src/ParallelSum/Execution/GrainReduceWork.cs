namespace ParallelSum.Execution;

/// <summary>
/// A user reduction as engine work: the partitioner's ranges are over grain indices; each grain's element range goes to the
/// body, and the partials combine in the fixed <see cref="CombineTree{TResult}"/>, so the result depends only on the count
/// and the grain size.
/// </summary>
internal sealed class GrainReduceWork<TResult>(long count, long grainSize, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine)
    : RangeWork<CombineTree<TResult>>
{
    private readonly CombineTree<TResult> _tree = new(GrainCount(count, grainSize), combine);
    private readonly long _grainCount = GrainCount(count, grainSize);

    /// <summary>The number of grains: <c>ceil(count / grainSize)</c>, computed without overflow.</summary>
    public static long GrainCount(long count, long grainSize) => count == 0 ? 0 : ((count - 1) / grainSize) + 1;

    /// <summary>Gets the combined result once the run has ended (the caller handles a count of 0).</summary>
    public TResult Result => _tree.Root();

    public override CombineTree<TResult> CreateWorker() => new(_grainCount, combine);

    public override void Run(RunContext context, IndexRange range, CombineTree<TResult> worker)
    {
        for (long grain = range.Start; grain < range.End; grain++)
        {
            // grain < grainCount, so grain * grainSize < count: no overflow; the last grain ends at count.
            long start = grain * grainSize;
            long end = grain == _grainCount - 1 ? count : start + grainSize;
            worker.Add(0, grain, body(new IndexRange(start, end)));
            context.Advance(end - start);
        }

        // Hand the range's nodes over as soon as it ends: a worker's tree only ever holds one range's nodes.
        lock (_tree)
        {
            worker.MoveTo(_tree);
        }
    }

    /// <summary>Nothing is left to merge: each range's nodes were handed over when it ended.</summary>
    public override void Finish(CombineTree<TResult> worker)
    {
    }
}
