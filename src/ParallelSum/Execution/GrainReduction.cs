namespace ParallelSum.Execution;

/// <summary>
/// A reduction as engine work: <c>[0, count)</c> is cut into grains of <c>grainSize</c> indices (the last one shorter); the
/// engine's steps lie on the same grid, so each grain is run, whole, by the step that starts it, in whichever partition's
/// range holds its first index; and the grains' results combine in one fixed <see cref="CombineTree{TResult}"/> over grain
/// indices. The result depends only on the count and the grain size.
/// </summary>
internal sealed class GrainReduction<TResult>(long count, long grainSize, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine)
{
    private readonly long _grainCount = GrainCount(count, grainSize);

    // The tree the partitions hand their nodes over to: made once, here, so that handing over allocates nothing.
    private readonly CombineTree<TResult> _tree = new(GrainCount(count, grainSize), combine);

    /// <summary>Gets the combined result once the run has ended with at least one grain.</summary>
    public TResult Result => _tree.Root();

    /// <summary>The number of grains: <c>ceil(count / grainSize)</c>, computed without overflow.</summary>
    public static long GrainCount(long count, long grainSize) => count == 0 ? 0 : ((count - 1) / grainSize) + 1;

    /// <summary>A partition's local state: the nodes of the run of consecutive grains it is folding.</summary>
    public Fold CreateLocal() => new(new CombineTree<TResult>(_grainCount, combine));

    /// <summary>Runs the grain that <paramref name="step"/> starts, if it starts one.</summary>
    public Fold Step(IndexRange step, Fold fold)
    {
        // Steps lie on the grain grid: a step that does not start at a multiple of the grain size is the tail of a grain that
        // began in an earlier range, and that range's step ran it whole.
        long grain = Math.DivRem(step.Start, grainSize, out long offset);
        if (offset != 0)
        {
            return fold;
        }

        if (grain != fold.NextGrain)
        {
            // Not the continuation of the grains folded so far: hand those nodes over first, so a partition only ever holds
            // the nodes of one run of consecutive grains.
            HandOver(fold);
        }

        // grain < grainCount, so grain * grainSize < count: no overflow; the last grain ends at count.
        long start = grain * grainSize;
        long end = grain == _grainCount - 1 ? count : start + grainSize;
        fold.Tree.Add(0, grain, body(new IndexRange(start, end)));
        fold.NextGrain = grain + 1;
        return fold;
    }

    /// <summary>Hands a partition's remaining nodes over when it ends.</summary>
    public void Finish(Fold fold) => HandOver(fold);

    private void HandOver(Fold fold)
    {
        // Stryker disable once Statement,Block : equivalent; moving an empty tree moves nothing, it only takes the lock.
        if (fold.Tree.IsEmpty)
        {
            return;
        }

        lock (_tree)
        {
            fold.Tree.MoveTo(_tree);
        }
    }

    /// <summary>One partition's fold: its nodes, and the grain that would continue them.</summary>
    internal sealed class Fold(CombineTree<TResult> tree)
    {
        public CombineTree<TResult> Tree { get; } = tree;

        // Stryker disable once all : equivalent; the first step finds the fold empty, so whether it hands over changes nothing.
        public long NextGrain { get; set; } = -1;
    }
}
