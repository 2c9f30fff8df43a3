using System.Diagnostics;
using ParallelSum.Execution;
using ParallelSum.Kernels;

namespace ParallelSum;

/// <summary>
/// Picks, per request, the fastest way for its count on this machine: below <see cref="ParallelThreshold"/> values the fused
/// vector kernel runs inline on the calling thread (starting workers would cost more than it saves); from there on, the
/// <see cref="StreamingStrategy"/> over one static block per processor. The original experiment's lesson — parallel loses on
/// small work and wins on large — as a default.
/// </summary>
/// <remarks>
/// <para>The default threshold is where running inline and running on every processor were measured to cost the same
/// (docs/performance.md in the repository says how); it is a default, not a law: pass another to
/// <see cref="AutoStrategy(long)"/> where your machine's crossover differs.</para>
/// <para>Immutable and safe to use from many threads at once.</para>
/// </remarks>
public sealed class AutoStrategy : IGenerateAndSum, ISynchronousStrategy
{
    /// <summary>The stable name, <c>auto</c>.</summary>
    public const string StrategyName = "auto";

    /// <summary>The default count from which work is spread over processors: 16,384 values (2^14), measured (see the remarks).</summary>
    /// <remarks>A measured value, not a constant: a later version may change it without recompiling callers.</remarks>
    public static readonly long DefaultParallelThreshold = 1L << 14;

    private readonly StreamingStrategy _parallel;

    /// <summary>Creates the strategy with the <see cref="DefaultParallelThreshold"/>.</summary>
    public AutoStrategy()
        : this(DefaultParallelThreshold)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="parallelThreshold">The count from which the work runs on all processors; 1 or more.
    /// On a single-processor machine work always runs inline.</param>
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
        _parallel = new StreamingStrategy();
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <summary>Gets the count from which the work is spread over all processors.</summary>
    public long ParallelThreshold { get; }

    /// <inheritdoc />
    public Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StrategyTask.Run(this, request, progress, cancellationToken);
    }

    /// <inheritdoc />
    public GenerateAndSumResult GenerateAndSum(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count < ParallelThreshold)
        {
            return RunInline(request, progress, cancellationToken);
        }

        GenerateAndSumResult r = _parallel.GenerateAndSum(request, progress, cancellationToken);
        return new GenerateAndSumResult(StrategyName, r.Request, r.Sum, r.Elapsed, r.WorkerCount, r.RangeCount, r.Partitioner) { ProgressException = r.ProgressException };
    }

    private static GenerateAndSumResult RunInline(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        RandomStream stream = request.Stream;
        // Stryker disable once Conditional : equivalent; a reporter without a receiver reports nothing.
        ProgressReporter? reporter = progress is null ? null : new ProgressReporter(progress, request.Count);
        // Offsets are below 2^32 and each step holds at most 2^20 of them: the 64-bit total of a step cannot overflow.
        Int128 offsets = 0;
        foreach (IndexRange step in new IndexSteps(request.StartIndex, request.Count, RunContext.StepLength))
        {
            offsets += StreamKernels.SumOffsets(stream, (ulong)step.Start, (ulong)step.Length);
            reporter?.Add(step.Length);
            cancellationToken.ThrowIfCancellationRequested();
        }

        reporter?.Complete();
        Int128 sum = (Int128)request.Count * stream.Min + offsets;
        return new GenerateAndSumResult(StrategyName, request, sum, Stopwatch.GetElapsedTime(started), workerCount: 1, rangeCount: request.Count == 0 ? 0 : 1, partitioner: null)
        {
            ProgressException = reporter?.HandlerException,
        };
    }
}
