using ParallelSum.Execution;

namespace ParallelSum;

/// <summary>
/// <see cref="Parallel"/>.For over the partitioner's workers; each range is materialised into its own array, as each process of
/// the original pool built its own list, then summed; the partial sums are merged exactly. Every remainder is counted.
/// </summary>
/// <remarks>Memory grows with the count: four bytes per value of every range in flight. A range may hold at most
/// <see cref="Array.MaxLength"/> values. Immutable and safe to use from many threads at once.</remarks>
public sealed class ParallelForStrategy : IGenerateAndSum, ISynchronousStrategy
{
    /// <summary>The stable name, <c>parallel-for</c>.</summary>
    public const string StrategyName = "parallel-for";

    private readonly PartitionedStrategyOptions _options;
    private readonly MaterialisingSummer _summer;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see langword="null"/> partitioner.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public ParallelForStrategy(PartitionedStrategyOptions? options = null)
    {
        _options = options ?? new PartitionedStrategyOptions();
        _options.Validate(nameof(options));
        _summer = new MaterialisingSummer(_options.Partitioner);
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <summary>Gets the partitioner the strategy uses.</summary>
    public IIndexRangePartitioner Partitioner => _options.Partitioner;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">A built-in partitioner would yield a range longer than <see cref="Array.MaxLength"/> for this count.</exception>
    public Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return StrategyTask.Run(this, request, progress, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">A built-in partitioner would yield a range longer than <see cref="Array.MaxLength"/> for this count.</exception>
    public GenerateAndSumResult GenerateAndSum(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return PartitionedExecution.RunSum(StrategyName, request, _options, _summer, progress, cancellationToken, onParallelFor: true);
    }

    private void Validate(GenerateAndSumRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IIndexRangePartitioner partitioner = _options.Partitioner;
        if (partitioner is IBoundedRangePartitioner bounded && bounded.MaxRangeLength(request.Count) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, $"{StrategyName} materialises each range in one array of at most {Array.MaxLength} values, but '{partitioner.Name}' would make ranges of {bounded.MaxRangeLength(request.Count)} values for request.Count {request.Count}. Use more partitions or the streaming strategy.");
        }
    }

    private sealed class MaterialisingSummer(IIndexRangePartitioner partitioner) : RangeSummer<object>
    {
        private static readonly object NoState = new();

        public override object CreateWorkerState() => NoState;

        public override Int128 SumRange(RunContext context, in RandomStream stream, IndexRange range, object state)
        {
            if (range.Length > Array.MaxLength)
            {
                throw new InvalidOperationException($"{StrategyName} materialises each range in one array of at most {Array.MaxLength} values; partitioner '{partitioner.Name}' yielded {range} of {range.Length} values. Use more partitions or the streaming strategy.");
            }

            int[] values = GC.AllocateUninitializedArray<int>((int)range.Length);
            // Offsets come from a remaining-count loop over longs: an array near Array.MaxLength cannot wrap an int offset.
            foreach (IndexRange step in new IndexSteps(0, values.Length, RunContext.StepLength))
            {
                stream.Fill(range.Start + step.Start, values.AsSpan((int)step.Start, (int)step.Length));
                context.Advance(step.Length);
            }

            return Kernels.ExactSum.Of(values, stream.Min, stream.Max);
        }
    }
}
