namespace ParallelSum;

/// <summary>
/// Generates the values of a <see cref="RandomStream"/> at indices <c>[StartIndex, StartIndex + Count)</c> and returns their exact sum.
/// </summary>
/// <remarks>
/// <para>Every implementation must return, for the same request, the sum that <see cref="RandomStream.ReferenceSum(long, long)"/>
/// returns for <c>(StartIndex, Count)</c>: bit for bit, whatever its partitioning, thread count or machine count.
/// The reusable contract tests in <c>tests/ParallelSum.Tests</c> check exactly that.</para>
/// <para>Implementations are immutable and safe to call from many threads at once.</para>
/// </remarks>
public interface IGenerateAndSum
{
    /// <summary>Gets the stable name of the strategy, such as <c>streaming</c>, used by samples and results.</summary>
    string Name { get; }

    /// <summary>Generates the requested values and returns their exact sum.</summary>
    /// <param name="request">What to generate: count, seed and inclusive range.</param>
    /// <param name="progress">Receives the number of values done while the call runs, and once when it completes; may be <see langword="null"/>.
    /// If it throws, at any point, its first exception is kept in <see cref="GenerateAndSumResult.ProgressException"/>, it is not
    /// called again, and the call still returns the exact sum: an observer's failure never loses the sum or passes for a failed computation.</param>
    /// <param name="cancellationToken">Stops the work promptly, at any count; the task then ends as canceled.</param>
    /// <returns>
    /// The exact sum and how the run went. A request for 0 values returns a sum of 0.
    /// The built-in strategies return at once and do the work on the thread pool; the calling thread generates nothing.
    /// Requests of fewer than 16,384 values, which take about as long as starting a thread-pool item, complete synchronously.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request is beyond what the strategy accepts; thrown before any work starts.</exception>
    /// <exception cref="InvalidPartitioningException">The returned task faults with it when a partitioner breaks its contract.</exception>
    /// <exception cref="OperationCanceledException">The returned task is canceled when <paramref name="cancellationToken"/> is.</exception>
    Task<GenerateAndSumResult> GenerateAndSumAsync(
        GenerateAndSumRequest request,
        IProgress<GenerateAndSumProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>Generates the requested values and returns their exact sum, on the calling thread.</summary>
    /// <param name="request">What to generate: count, seed and inclusive range.</param>
    /// <param name="progress">As for <see cref="GenerateAndSumAsync"/>; the reports come from the threads doing the work, one at a time, in increasing order.</param>
    /// <param name="cancellationToken">Stops the work promptly, at any count; the call then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The exact sum and how the run went. A request for 0 values returns a sum of 0.</returns>
    /// <remarks>The built-in strategies run the work on the calling thread, which takes part in it as in <c>Parallel.For</c>, and
    /// on the thread pool. This default implementation, for strategies that have only an asynchronous path, waits for
    /// <see cref="GenerateAndSumAsync"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request is beyond what the strategy accepts; thrown before any work starts.</exception>
    /// <exception cref="InvalidPartitioningException">A partitioner broke its contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    GenerateAndSumResult GenerateAndSum(
        GenerateAndSumRequest request,
        IProgress<GenerateAndSumProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        GenerateAndSumAsync(request, progress, cancellationToken).GetAwaiter().GetResult();
}
