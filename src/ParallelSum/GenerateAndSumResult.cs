namespace ParallelSum;

/// <summary>The exact sum of a generate-and-sum call and what is needed to understand the run.</summary>
public sealed class GenerateAndSumResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="strategy">The name of the strategy that ran.</param>
    /// <param name="request">The request that was run.</param>
    /// <param name="sum">The exact sum.</param>
    /// <param name="elapsed">The wall-clock time the work took.</param>
    /// <param name="workerCount">How many workers ran at once at most; 1 for a single-threaded strategy.</param>
    /// <param name="rangeCount">How many index ranges the work was split into.</param>
    /// <param name="partitioner">The name of the partitioner used, or <see langword="null"/> when the strategy does not partition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sum"/> lies outside <c>[Count * Min, Count * Max]</c>, <paramref name="elapsed"/> is negative, or a count is negative.</exception>
    public GenerateAndSumResult(
        string strategy,
        GenerateAndSumRequest request,
        Int128 sum,
        TimeSpan elapsed,
        int workerCount,
        long rangeCount,
        string? partitioner)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategy);
        ArgumentNullException.ThrowIfNull(request);
        if (sum < request.MinimumSum || sum > request.MaximumSum)
        {
            // A sum outside the possible interval can only come from a broken strategy: refuse to present it.
            throw new ArgumentOutOfRangeException(nameof(sum), sum, $"sum must lie in [{request.MinimumSum}, {request.MaximumSum}] for request ({request}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(workerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rangeCount);
        Strategy = strategy;
        Request = request;
        Sum = sum;
        Elapsed = elapsed;
        WorkerCount = workerCount;
        RangeCount = rangeCount;
        Partitioner = partitioner;
    }

    /// <summary>Gets the name of the strategy that ran.</summary>
    public string Strategy { get; }

    /// <summary>Gets the request that was run.</summary>
    public GenerateAndSumRequest Request { get; }

    /// <summary>Gets the exact sum of the requested values.</summary>
    public Int128 Sum { get; }

    /// <summary>Gets the wall-clock time the work took, from validation done to the sum known.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets how many workers ran at once at most.</summary>
    public int WorkerCount { get; }

    /// <summary>Gets how many index ranges the work was split into.</summary>
    public long RangeCount { get; }

    /// <summary>Gets the name of the partitioner used, or <see langword="null"/> when the strategy does not partition.</summary>
    public string? Partitioner { get; }

    /// <summary>Gets the first exception the caller's progress handler threw during the call, or <see langword="null"/>.</summary>
    /// <value>Defaults to <see langword="null"/>: the handler did not throw, or no handler was given.</value>
    /// <remarks>A progress handler only observes the work. When it throws, at any point of the call, the library keeps its first
    /// exception here, stops calling it, and finishes the work: the sum is exact and returned, never lost behind the observer's
    /// error nor turned into a failure of the computation. Check this property when the handler's failure matters; cancel
    /// the call's token from the handler to stop the work instead.</remarks>
    public Exception? ProgressException { get; init; }

    /// <summary>Gets the values generated and added per second of <see cref="Elapsed"/>; 0 when no time was measured.</summary>
    public double ValuesPerSecond => Elapsed > TimeSpan.Zero ? Request.Count / Elapsed.TotalSeconds : 0;

    /// <summary>Returns a one-line description of the result.</summary>
    /// <returns>Strategy, sum, time and workers.</returns>
    public override string ToString() =>
        $"{Strategy}: sum {Sum} of {Request} in {Elapsed.TotalSeconds:F3} s ({WorkerCount} workers, {RangeCount} ranges{(Partitioner is null ? "" : ", " + Partitioner)})";
}
