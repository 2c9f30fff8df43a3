using Microsoft.Extensions.ObjectPool;
using ParallelSum.Execution;
using ParallelSum.Kernels;

namespace ParallelSum;

/// <summary>
/// Generates each range chunk by chunk into a reused buffer with the vectorised generator (512-, 256- or 128-bit, whichever this
/// machine accelerates) and sums every chunk with <c>TensorPrimitives</c>; the ranges are
/// spread over cores by the partitioner. Memory is bounded by workers × chunk size, whatever the count.
/// </summary>
/// <remarks>Buffers come from an <see cref="ObjectPool{T}"/> owned by the instance, one per running worker. Immutable
/// from the caller's view and safe to use from many threads at once.</remarks>
public sealed class SimdChunksStrategy : IGenerateAndSum, ISynchronousStrategy
{
    /// <summary>The stable name, <c>simd-chunks</c>.</summary>
    public const string StrategyName = "simd-chunks";

    private readonly SimdChunksStrategyOptions _options;
    private readonly ChunkSummer _summer;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see langword="null"/> partitioner.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range, such as a chunk size not from 1 to <see cref="SimdChunksStrategyOptions.MaxChunkSize"/>.</exception>
    public SimdChunksStrategy(SimdChunksStrategyOptions? options = null)
    {
        _options = options ?? new SimdChunksStrategyOptions();
        _options.Validate(nameof(options));
        _summer = new ChunkSummer(_options.ChunkSize);
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <summary>Gets the partitioner the strategy uses.</summary>
    public IIndexRangePartitioner Partitioner => _options.Partitioner;

    /// <summary>Gets how many values each worker generates before summing them.</summary>
    public int ChunkSize => _options.ChunkSize;

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
        return PartitionedExecution.RunSum(StrategyName, request, _options, _summer, progress, cancellationToken);
    }

    private sealed class ChunkSummer(int chunkSize) : RangeSummer<int[]>
    {
        private readonly ObjectPool<int[]> _buffers = new DefaultObjectPoolProvider().Create(new BufferPolicy(chunkSize));

        public override int[] CreateWorkerState() => _buffers.Get();

        public override void ReleaseWorkerState(int[] state) => _buffers.Return(state);

        public override Int128 SumRange(RunContext context, in RandomStream stream, IndexRange range, int[] buffer)
        {
            Int128 total = 0;
            long pendingProgress = 0;
            foreach (IndexRange step in IndexSteps.Of(range, buffer.Length))
            {
                Span<int> chunk = buffer.AsSpan(0, (int)step.Length);
                StreamKernels.Fill(stream, (ulong)step.Start, chunk);
                total += ExactSum.Of(chunk, stream.Min, stream.Max);
                pendingProgress += chunk.Length;
                // Stryker disable once Equality : equivalent; this sets how often the shared count (and the cancellation check) is
                // advanced, not what is summed; whatever is left is advanced after the loop.
                if (pendingProgress >= RunContext.StepLength)
                {
                    context.Advance(pendingProgress);
                    pendingProgress = 0;
                }
            }

            context.Advance(pendingProgress);
            return total;
        }
    }

    private sealed class BufferPolicy(int chunkSize) : PooledObjectPolicy<int[]>
    {
        public override int[] Create() => GC.AllocateUninitializedArray<int>(chunkSize);

        // Stryker disable once Boolean : equivalent; a buffer not kept is allocated again, with the same result.
        public override bool Return(int[] obj) => true;
    }
}
