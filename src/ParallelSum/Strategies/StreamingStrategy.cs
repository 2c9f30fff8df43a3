using ParallelSum.Execution;
using ParallelSum.Kernels;

namespace ParallelSum;

/// <summary>
/// Generates values and adds them as they are made, with a fused vectorised generate-and-accumulate kernel (several independent
/// vector streams in flight, nothing stored): no list, no buffer, memory independent of the count. The ranges are
/// spread over cores by the partitioner. The choice for very large counts.
/// </summary>
/// <remarks>Immutable and safe to use from many threads at once.</remarks>
public sealed class StreamingStrategy : IGenerateAndSum, ISynchronousStrategy
{
    /// <summary>The stable name, <c>streaming</c>.</summary>
    public const string StrategyName = "streaming";

    private static readonly StreamingSummer Summer = new();
    private readonly PartitionedStrategyOptions _options;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see langword="null"/> partitioner.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public StreamingStrategy(PartitionedStrategyOptions? options = null)
    {
        _options = options ?? new PartitionedStrategyOptions();
        _options.Validate(nameof(options));
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <summary>Gets the partitioner the strategy uses.</summary>
    public IIndexRangePartitioner Partitioner => _options.Partitioner;

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
        return PartitionedExecution.RunSum(StrategyName, request, _options, Summer, progress, cancellationToken);
    }

    private sealed class StreamingSummer : RangeSummer<object>
    {
        private static readonly object NoState = new();

        public override object CreateWorkerState() => NoState;

        public override Int128 SumRange(RunContext context, in RandomStream stream, IndexRange range, object state)
        {
            Int128 total = 0;
            foreach (IndexRange step in IndexSteps.Of(range, RunContext.StepLength))
            {
                total += (Int128)step.Length * stream.Min + StreamKernels.SumOffsets(stream, (ulong)step.Start, (ulong)step.Length);
                context.Advance(step.Length);
            }

            return total;
        }
    }
}
