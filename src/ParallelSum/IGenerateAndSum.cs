using ParallelSum.Execution;
using ParallelSum.Generation;

namespace ParallelSum;

/// <summary>
/// Generates the values of a <see cref="RandomStream"/> at indices <c>[StartIndex, StartIndex + Count)</c> and returns their
/// exact sum: the contract every strategy keeps, local or distributed.
/// </summary>
/// <remarks>
/// <para>Every implementation returns, for the same request, the sum that <see cref="RandomStream.ReferenceSum(long, long)"/>
/// returns for <c>(StartIndex, Count)</c>: bit for bit, whatever its partitioning, thread count or machine count. It is
/// immutable and safe to call from many threads at once.</para>
/// <para>Derive from <see cref="GenerateAndSumStrategy"/> to write one: it keeps the rest of this contract (argument checks,
/// progress, timing, the result, and the synchronous and asynchronous forms) for every strategy alike. The reusable
/// contract tests in the repository's <c>tests/ParallelSum.Tests</c> check an implementation against all of it.</para>
/// </remarks>
public interface IGenerateAndSum
{
    /// <summary>Gets the stable name of the strategy, such as <c>streaming</c>, used by samples and results.</summary>
    string Name { get; }

    /// <summary>Starts generating the requested values and returns a task that completes with their exact sum; the calling
    /// thread does none of the work.</summary>
    /// <param name="request">What to generate: count, seed and inclusive range.</param>
    /// <param name="progress">Receives how many values are done: one report at a time, never going backwards, and
    /// <c>(Count, Count)</c> last, when the work has completed; may be <see langword="null"/>. If it throws, its first exception
    /// is kept in <see cref="GenerateAndSumResult.ProgressException"/>, it is not called again, and the exact sum is still
    /// returned.</param>
    /// <param name="cancellationToken">Stops the work promptly, at any count, even while a progress handler blocks; the task
    /// then ends as canceled.</param>
    /// <returns>A task with the exact sum and how the run went. A request for 0 values has a sum of 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request is beyond what the strategy accepts; thrown before any work starts.</exception>
    /// <exception cref="InvalidPartitioningException">The task faults with it when a partitioner breaks its contract.</exception>
    /// <exception cref="OperationCanceledException">The task is canceled when <paramref name="cancellationToken"/> is.</exception>
    Task<GenerateAndSumResult> GenerateAndSumAsync(
        GenerateAndSumRequest request,
        IProgress<GenerateAndSumProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
