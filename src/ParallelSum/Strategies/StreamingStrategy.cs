using ParallelSum.Execution;
using ParallelSum.Generation;

namespace ParallelSum.Strategies;

/// <summary>
/// Generates values and adds them as they are made, with a fused vectorised generate-and-accumulate kernel (several independent
/// vector streams in flight, nothing stored): no list, no buffer, memory independent of the count. The ranges are spread over
/// the workers by the partitioner. The choice for very large counts.
/// </summary>
/// <remarks>Immutable and safe to use from many threads at once.</remarks>
public sealed class StreamingStrategy : GenerateAndSumStrategy
{
    /// <summary>The stable name, <c>streaming</c>.</summary>
    public const string StrategyName = "streaming";

    /// <summary>How many values a worker sums between two cancellation checks and progress updates: about a millisecond of work.</summary>
    internal const long StepLength = 1 << 20;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    public StreamingStrategy(ParallelRunOptions? options = null) => Options = ParallelRunOptions.Validate(options, nameof(options));

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>Gets the worker limit and partitioner the strategy runs with.</summary>
    public ParallelRunOptions Options { get; }

    /// <summary>The streaming sum: on the calling thread alone below <paramref name="inlineBelow"/> values (starting workers
    /// would cost more than they save), on the engine from there on. <c>auto</c> and <see cref="RandomStreamSum"/> call it too.</summary>
    internal static GenerateAndSumRun Sum(GenerateAndSumRequest request, long inlineBelow, ParallelRunOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        RandomStream stream = request.Stream;
        long first = request.StartIndex;
        if (request.Count < inlineBelow)
        {
            Int128 sum = 0;
            foreach (IndexRange step in new IndexSteps(first, request.Count, StepLength))
            {
                cancellationToken.ThrowIfCancellationRequested();
                sum += stream.Sum(step.Start, step.Length);
                progress?.Report(step.End - first);
            }

            return new GenerateAndSumRun(sum, WorkerCount: 1, RangeCount: request.Count == 0 ? 0 : 1, Partitioner: null);
        }

        return SumOnEngine(request, options, progress, cancellationToken);
    }

    /// <summary>The engine's part of <see cref="Sum"/>, a method of its own so that the small counts summed on the calling
    /// thread do not pay for the closure the engine's body captures.</summary>
    private static GenerateAndSumRun SumOnEngine(GenerateAndSumRequest request, ParallelRunOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        RandomStream stream = request.Stream;
        long first = request.StartIndex;
        // Integer addition is exact and associative: each partition's total, added once, gives the one exact sum.
        Int128 total = 0;
        object gate = new();
        RangeLoopSummary run = RangeLoop.Run(
            request.Count,
            StepLength,
            options,
            static () => Int128.Zero,
            (step, partial) => partial + stream.Sum(first + step.Start, step.Length),
            partial =>
            {
                lock (gate)
                {
                    total += partial;
                }
            },
            progress,
            cancellationToken);
        return new GenerateAndSumRun(total, run.WorkerCount, run.RangeCount, run.PartitionerName);
    }

    /// <inheritdoc />
    protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
        Sum(request, inlineBelow: 0, Options, progress, cancellationToken);
}
