namespace ParallelSum.Orleans;

/// <summary>A grain that computes the exact sum of one index range of a random stream.</summary>
public interface IRangeSumGrain : IGrainWithIntegerKey
{
    /// <summary>Sums the stream values at indices [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    /// <param name="seed">The stream seed.</param>
    /// <param name="min">The smallest stream value.</param>
    /// <param name="max">The largest stream value.</param>
    /// <param name="start">The first index of the range (0 or more).</param>
    /// <param name="count">The number of values (1 or more).</param>
    /// <param name="cancellationToken">
    /// Stops the computation in the grain: Orleans carries the cancellation to the silo, and the in-grain strategy checks it
    /// between pieces of at most 65,536 values.
    /// </param>
    /// <returns>The exact sum and the silo that computed it.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, CancellationToken cancellationToken = default);
}
