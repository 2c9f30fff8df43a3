namespace ParallelSum.Execution;

/// <summary>
/// A deterministic parallel reduction over the indices <c>[0, count)</c> with your own grain body and combine step, on the
/// engine the generate-and-sum strategies run on: the same partitioners, checks, cancellation, progress and worker limit.
/// </summary>
/// <remarks>
/// <para>Deterministic beyond <see cref="Parallel.For(long, long, Action{long})"/>, PLINQ and oneTBB's
/// <c>parallel_deterministic_reduce</c>: <c>[0, count)</c> is cut into grains of <c>grainSize</c> indices (the last one
/// shorter); <c>body</c> is called once per grain with that grain's range; and the grains' results combine in one fixed
/// binary tree over grain indices, <c>combine(left, right)</c> with left before right. The grains and the order of
/// combination depend only on the count and the grain size, never on the partitioner, the number of workers or the
/// scheduling, so a floating-point reduction gives the same bits on 1 or 64 workers. The partitioner splits the element
/// indices and decides only who runs which grains: a grain is run, whole, by the worker whose range holds its first index.</para>
/// <para>The calling thread takes part in the work and can finish it alone, as in <c>Parallel.For</c>; the thread pool's
/// threads help as they become free, under the caller's <see cref="ExecutionContext"/>. <c>body</c> and <c>combine</c> run
/// on several threads at once and must be safe to. Their exceptions end the call: the first one is rethrown unchanged, the
/// others are dropped.</para>
/// <para>Progress, when asked for, counts the indices done, never decreasing and at most about every 50 ms, and ends at
/// <c>count</c>; it is delivered on a thread-pool thread, one report at a time, so a handler that blocks never holds a
/// worker. A handler that throws is not called again; the reduction goes on.</para>
/// </remarks>
public static class ParallelReduction
{
    /// <summary>Reduces <c>[0, count)</c> on the calling thread, helped by the thread pool.</summary>
    /// <typeparam name="TResult">The type of the partial and final results.</typeparam>
    /// <param name="count">How many indices, 0 or more.</param>
    /// <param name="grainSize">How many consecutive indices make one grain, 1 or more: the body is called once per grain and the
    /// result depends on it. Larger grains cost less per index; smaller ones balance better. 4096 to 65536 suits most bodies.</param>
    /// <param name="identity">The result of a reduction over no index; returned for a count of 0 and never combined otherwise.</param>
    /// <param name="body">Returns the partial result of one grain's index range.</param>
    /// <param name="combine">Combines the results of two neighbouring parts, the left one first.</param>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>.</param>
    /// <param name="progress">Receives how many indices are done; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the reduction; checked before every grain.</param>
    /// <returns>The fixed-tree combination of every grain's result, or <paramref name="identity"/> for a count of 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="combine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="grainSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract; no result is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static TResult Reduce<TResult>(
        long count,
        long grainSize,
        TResult identity,
        Func<IndexRange, TResult> body,
        Func<TResult, TResult, TResult> combine,
        ParallelRunOptions? options = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = Validate(count, grainSize, body, combine, options);
        return Run(count, grainSize, identity, body, combine, options, progress, cancellationToken);
    }

    /// <summary>Starts reducing <c>[0, count)</c> on the thread pool and returns at once: the calling thread does none of the work.</summary>
    /// <inheritdoc cref="Reduce{TResult}(long, long, TResult, Func{IndexRange, TResult}, Func{TResult, TResult, TResult}, ParallelRunOptions?, IProgress{long}?, CancellationToken)"/>
    /// <returns>A task that completes with the reduction's result, faults with its error, or is canceled with <paramref name="cancellationToken"/>.</returns>
    public static Task<TResult> ReduceAsync<TResult>(
        long count,
        long grainSize,
        TResult identity,
        Func<IndexRange, TResult> body,
        Func<TResult, TResult, TResult> combine,
        ParallelRunOptions? options = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ParallelRunOptions validated = Validate(count, grainSize, body, combine, options);
        return Task.Run(() => Run(count, grainSize, identity, body, combine, validated, progress, cancellationToken), cancellationToken);
    }

    private static ParallelRunOptions Validate<TResult>(long count, long grainSize, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelRunOptions? options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(grainSize, 1);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(combine);
        return ParallelRunOptions.Validate(options, nameof(options));
    }

    private static TResult Run<TResult>(long count, long grainSize, TResult identity, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelRunOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ProgressSink? sink = ProgressSink.For(progress);
        var reduction = new GrainReduction<TResult>(count, grainSize, body, combine);
        RangeLoop.Run<GrainReduction<TResult>.Fold>(count, grainSize, options, reduction.CreateLocal, reduction.Step, reduction.Finish, sink, cancellationToken);
        sink?.Complete(count, cancellationToken);
        return count == 0 ? identity : reduction.Result;
    }
}
