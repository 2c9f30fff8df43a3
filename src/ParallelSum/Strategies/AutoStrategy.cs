using ParallelSum.Execution;

namespace ParallelSum.Strategies;

/// <summary>
/// Picks, per request, the fastest way for its count on this machine: below <see cref="ParallelThreshold"/> values the fused
/// vector kernel runs on the calling thread alone (starting workers would cost more than it saves); from there on, the
/// <see cref="StreamingStrategy"/> with one worker per processor. The original experiment's lesson — parallel loses on
/// small work and wins on large — as a default.
/// </summary>
/// <remarks>
/// <para>The default threshold is where running on one thread and running on every processor were measured to cost the
/// same (docs/performance.md in the repository says how); it is a default, not a law: pass another to
/// <see cref="AutoStrategy(long)"/> where your machine's crossover differs.</para>
/// <para>Immutable and safe to use from many threads at once.</para>
/// </remarks>
public sealed class AutoStrategy : GenerateAndSumStrategy
{
    /// <summary>The stable name, <c>auto</c>.</summary>
    public const string StrategyName = "auto";

    /// <summary>The default count from which work is spread over processors: 16,384 values (2^14), measured (see the remarks).</summary>
    /// <remarks>A measured value, not a constant: a later version may change it without recompiling callers.</remarks>
    public static readonly long DefaultParallelThreshold = 1L << 14;

    /// <summary>Creates the strategy with the <see cref="DefaultParallelThreshold"/>.</summary>
    public AutoStrategy()
        : this(DefaultParallelThreshold)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="parallelThreshold">The count from which the work runs on all processors; 1 or more.
    /// On a single-processor machine work always runs on the calling thread alone.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parallelThreshold"/> is less than 1.</exception>
    public AutoStrategy(long parallelThreshold)
        : this(parallelThreshold, Environment.ProcessorCount)
    {
    }

    /// <summary>Creates the strategy as it would be on a machine with <paramref name="processorCount"/> processors.</summary>
    internal AutoStrategy(long parallelThreshold, int processorCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelThreshold, 1);
        ParallelThreshold = processorCount == 1 ? long.MaxValue : parallelThreshold;
    }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>Gets the count from which the work is spread over all processors.</summary>
    public long ParallelThreshold { get; }

    /// <summary>Gets the instance with the default threshold that <see cref="RandomStreamSum"/> uses.</summary>
    internal static AutoStrategy Default { get; } = new();

    /// <inheritdoc />
    protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
        StreamingStrategy.Sum(request, ParallelThreshold, ParallelRunOptions.Default, progress, cancellationToken);
}
