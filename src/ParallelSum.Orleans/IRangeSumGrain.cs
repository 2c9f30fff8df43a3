namespace ParallelSum.Orleans;

/// <summary>A grain that computes the exact sum of one index range of a random stream, within the silo's admission limits.</summary>
[Alias("ParallelSum.Orleans.IRangeSumGrain")]
public interface IRangeSumGrain : IGrainWithIntegerKey
{
    /// <summary>Sums the stream values at indices [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    /// <param name="seed">The stream seed.</param>
    /// <param name="min">The smallest stream value.</param>
    /// <param name="max">The largest stream value (at least <paramref name="min"/>).</param>
    /// <param name="start">The first index of the range (0 or more).</param>
    /// <param name="count">The number of values (1 or more, at most the silo's <see cref="RangeSumSiloOptions.MaxValuesPerRange"/>).</param>
    /// <param name="timeLimit">
    /// How long the range may stay on the silo, queued and computing; the silo's <see cref="RangeSumSiloOptions.MaxRangeDuration"/>
    /// applies when it is shorter. Past it the silo stops the range, so work outlives no caller.
    /// </param>
    /// <param name="cancellationToken">
    /// Stops the computation in the grain: Orleans carries the cancellation to the silo, and the in-grain strategy checks it
    /// between pieces of at most 65,536 values.
    /// </param>
    /// <returns>The exact sum and the silo that computed it.</returns>
    /// <exception cref="DistributedSumException">The silo refused the range: over one of its limits, or its queue is full.</exception>
    /// <exception cref="TimeoutException">The range did not finish within its time limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Alias("SumRange")]
    Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default);
}
