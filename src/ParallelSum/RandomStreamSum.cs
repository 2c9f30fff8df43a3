using ParallelSum.Execution;
using ParallelSum.Generation;
using ParallelSum.Strategies;

namespace ParallelSum;

/// <summary>
/// The one call for the common case: the exact sum of a range of the random stream, computed the fastest way for its count
/// on this machine (the <see cref="AutoStrategy"/>).
/// </summary>
/// <remarks>
/// <para>For other strategies, partitioners or worker limits, create a strategy (<see cref="GenerateAndSumStrategies"/>); for
/// your own data and reductions, use <see cref="ParallelReduction"/>.</para>
/// <para>Safe to call from many threads at once.</para>
/// </remarks>
public static class RandomStreamSum
{
    /// <summary>Sums the request on the calling thread, helped by the thread pool.</summary>
    /// <param name="request">What to sum.</param>
    /// <param name="progress">Receives how many values are done, one report at a time and never going backwards; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the work promptly; the call then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The exact sum and how the run went.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static GenerateAndSumResult Run(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default) =>
        AutoStrategy.Default.GenerateAndSum(request, progress, cancellationToken);

    /// <summary>Starts summing the request on the thread pool and returns at once; the calling thread generates nothing.</summary>
    /// <param name="request">What to sum.</param>
    /// <param name="progress">Receives how many values are done, one report at a time and never going backwards; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the work promptly; the task then ends as canceled.</param>
    /// <returns>A task that completes with the exact sum and how the run went.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public static Task<GenerateAndSumResult> RunAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default) =>
        AutoStrategy.Default.GenerateAndSumAsync(request, progress, cancellationToken);

    /// <summary>Returns the exact sum of the <paramref name="count"/> values of the stream for <paramref name="seed"/>, each in
    /// <c>[min, max]</c>, from index <paramref name="startIndex"/>.</summary>
    /// <param name="count">How many values, 0 or more.</param>
    /// <param name="seed">The stream's seed; any 64-bit value.</param>
    /// <param name="min">The inclusive lower bound of each value. Defaults to 0.</param>
    /// <param name="max">The inclusive upper bound of each value, at least <paramref name="min"/>. Defaults to 10.</param>
    /// <param name="startIndex">The stream index of the first value, 0 or more. Defaults to 0.</param>
    /// <returns>The exact sum; 0 for a count of 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="GenerateAndSumRequest(long, ulong, int, int, long)"/>.</exception>
    public static Int128 Sum(long count, ulong seed, int min = RandomStream.DefaultMin, int max = RandomStream.DefaultMax, long startIndex = 0)
    {
        var request = new GenerateAndSumRequest(count, seed, min, max, startIndex);
        return StreamingStrategy.Sum(request, AutoStrategy.Default.ParallelThreshold, ParallelRunOptions.Default, progress: null, CancellationToken.None).Sum;
    }
}
