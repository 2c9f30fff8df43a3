using ParallelSum.Execution;
using ParallelSum.Kernels;

namespace ParallelSum;

/// <summary>
/// Generates values and adds them as they are made, with a fused vectorised generate-and-accumulate kernel (several independent
/// vector streams in flight, nothing stored): no list, no buffer, memory independent of the count. The ranges are
/// spread over cores by the partitioner. The choice for very large counts.
/// </summary>
/// <remarks>Immutable and safe to use from many threads at once.</remarks>
public sealed class StreamingStrategy : IGenerateAndSum
{
    /// <summary>The stable name, <c>streaming</c>.</summary>
    public const string StrategyName = "streaming";

    private static readonly StreamingSummer Summer = new();
    private readonly IIndexRangePartitioner _partitioner;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see langword="null"/> partitioner.</exception>
    public StreamingStrategy(PartitionedStrategyOptions? options = null)
    {
        options ??= new PartitionedStrategyOptions();
        _partitioner = options.Partitioner ?? throw new ArgumentException("options.Partitioner must not be null.", nameof(options));
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <summary>Gets the partitioner the strategy uses.</summary>
    public IIndexRangePartitioner Partitioner => _partitioner;

    /// <inheritdoc />
    public Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StrategyTask.Run((_partitioner, request, progress, cancellationToken), static s => PartitionedExecution.Run(StrategyName, s.request, s._partitioner, Summer, s.progress, s.cancellationToken), cancellationToken);
    }

    private sealed class StreamingSummer : RangeSummer<object>
    {
        private static readonly object NoState = new();

        public override object CreateWorkerState() => NoState;

        public override Int128 SumRange(RunContext context, IndexRange range, object state)
        {
            Int128 total = 0;
            foreach (IndexRange step in IndexSteps.Of(range, RunContext.StepLength))
            {
                total += (Int128)step.Length * context.Stream.Min + StreamKernels.SumOffsets(context.Stream, (ulong)step.Start, (ulong)step.Length);
                context.Advance(step.Length);
            }

            return total;
        }
    }
}
