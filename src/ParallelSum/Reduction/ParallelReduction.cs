using ParallelSum.Execution;

namespace ParallelSum;

/// <summary>
/// A deterministic parallel reduction over the indices <c>[0, count)</c> with your own range body and combine step, on the
/// engine the built-in strategies run on: the same partitioners, coverage checks, cancellation, progress and worker limit.
/// </summary>
/// <remarks>
/// <para>Deterministic beyond <see cref="Parallel.For(long, long, Action{long})"/>, PLINQ and oneTBB's
/// <c>parallel_deterministic_reduce</c>: <c>[0, count)</c> is cut into grains of <see cref="ParallelReductionOptions.GrainSize"/>
/// indices (the last one shorter); <c>body</c> is called once per grain with that grain's range; and the grains' results
/// combine in one fixed binary tree over grain indices, <c>combine(left, right)</c> with left before right. The ranges and the
/// order of combination depend only on the count and the grain size, never on the partitioner, the number of workers or the
/// scheduling, so a floating-point reduction gives the same bits on 1 or 64 workers.</para>
/// <para><c>body</c> and <c>combine</c> run on several threads at once and must be safe to; they should not depend on which
/// thread runs them. Their exceptions end the call (the first one is rethrown unchanged; the others are dropped).</para>
/// </remarks>
public static class ParallelReduction
{
    /// <summary>Reduces <c>[0, count)</c> on the calling thread and the thread pool; the calling thread takes part in the work.</summary>
    /// <typeparam name="TResult">The type of the partial and final results.</typeparam>
    /// <param name="count">How many indices, 0 or more.</param>
    /// <param name="identity">The result of a reduction over no index; returned for a count of 0 and never combined otherwise.</param>
    /// <param name="body">Returns the partial result of one grain's index range.</param>
    /// <param name="combine">Combines the results of two neighbouring parts, the left one first.</param>
    /// <param name="options">Grain size, partitioner, worker limit, cancellation and progress; <see langword="null"/> for the defaults.</param>
    /// <returns>The fixed-tree combination of every grain's result, or <paramref name="identity"/> for a count of 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="combine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The options' partitioner is <see langword="null"/>.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract; no result is returned.</exception>
    /// <exception cref="OperationCanceledException">The options' token was canceled.</exception>
    public static TResult Reduce<TResult>(long count, TResult identity, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelReductionOptions? options = null)
    {
        options = Validate(count, body, combine, options);
        return Run(count, identity, body, combine, options);
    }

    /// <summary>Starts reducing <c>[0, count)</c> on the thread pool and returns at once: the calling thread does none of the work.</summary>
    /// <inheritdoc cref="Reduce{TResult}(long, TResult, Func{IndexRange, TResult}, Func{TResult, TResult, TResult}, ParallelReductionOptions?)"/>
    /// <returns>A task that completes with the reduction's result, faults with its error, or is canceled with the options' token.</returns>
    public static Task<TResult> ReduceAsync<TResult>(long count, TResult identity, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelReductionOptions? options = null)
    {
        options = Validate(count, body, combine, options);
        ParallelReductionOptions validated = options;
        return Task.Run(() => Run(count, identity, body, combine, validated), options.CancellationToken);
    }

    private static ParallelReductionOptions Validate<TResult>(long count, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelReductionOptions? options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(combine);
        options ??= new ParallelReductionOptions();
        options.Validate(nameof(options));
        return options;
    }

    private static TResult Run<TResult>(long count, TResult identity, Func<IndexRange, TResult> body, Func<TResult, TResult, TResult> combine, ParallelReductionOptions options)
    {
        // Stryker disable once Conditional : equivalent; a reporter without a receiver reports nothing. Leaving it out spares every worker the shared counter.
        ProgressReporter? reporter = options.Progress is null ? null : new ProgressReporter(new CountProgress(options.Progress), count);
        var work = new GrainReduceWork<TResult>(count, options.GrainSize, body, combine);
        long grains = GrainReduceWork<TResult>.GrainCount(count, options.GrainSize);
        PartitionedExecution.Run(options.Partitioner, grains, work, options.EffectiveMaxDegreeOfParallelism, onParallelFor: false, reporter, options.CancellationToken);
        reporter?.Complete();
        return count == 0 ? identity : work.Result;
    }

    /// <summary>Forwards the completed count of the engine's reports to a plain count receiver.</summary>
    private sealed class CountProgress(IProgress<long> progress) : IProgress<GenerateAndSumProgress>
    {
        public void Report(GenerateAndSumProgress value) => progress.Report(value.CompletedCount);
    }
}
