using Microsoft.Extensions.ObjectPool;
using ParallelSum.Execution;
using ParallelSum.Generation;

namespace ParallelSum.Strategies;

/// <summary>
/// Generates each range chunk by chunk into a reused buffer with the vectorised generator (512-, 256- or 128-bit, whichever this
/// machine accelerates) and sums every chunk with <c>TensorPrimitives</c>; the ranges are spread over the workers by the
/// partitioner. Memory is bounded by workers × chunk size, whatever the count. The shape to start from when the values
/// themselves are needed, not only their sum.
/// </summary>
/// <remarks>Buffers come from an <see cref="ObjectPool{T}"/> owned by the instance, one per running partition. Immutable
/// from the caller's view and safe to use from many threads at once.</remarks>
public sealed class SimdChunksStrategy : GenerateAndSumStrategy
{
    /// <summary>The stable name, <c>simd-chunks</c>.</summary>
    public const string StrategyName = "simd-chunks";

    /// <summary>The default chunk size: 16,384 values, 64 KiB, which stays in a core's L2 cache between fill and sum.</summary>
    /// <remarks>A measured value, not a constant: a later version may change it without recompiling callers.</remarks>
    public static readonly int DefaultChunkSize = 16_384;

    /// <summary>The largest chunk size accepted: 2^24 values (64 MiB per worker).</summary>
    public const int MaxChunkSize = 1 << 24;

    private readonly ObjectPool<int[]> _buffers;

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>.</param>
    /// <param name="chunkSize">How many values each worker generates into its buffer before summing them, from 1 to
    /// <see cref="MaxChunkSize"/>; <see langword="null"/> for <see cref="DefaultChunkSize"/>.</param>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is not from 1 to <see cref="MaxChunkSize"/>.</exception>
    public SimdChunksStrategy(ParallelRunOptions? options = null, int? chunkSize = null)
    {
        Options = ParallelRunOptions.Validate(options, nameof(options));
        ChunkSize = chunkSize ?? DefaultChunkSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(chunkSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ChunkSize, MaxChunkSize, nameof(chunkSize));
        _buffers = new DefaultObjectPoolProvider().Create(new BufferPolicy(ChunkSize));
    }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>Gets the worker limit and partitioner the strategy runs with.</summary>
    public ParallelRunOptions Options { get; }

    /// <summary>Gets how many values each worker generates before summing them.</summary>
    public int ChunkSize { get; }

    /// <inheritdoc />
    protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
    {
        RandomStream stream = request.Stream;
        long first = request.StartIndex;
        Int128 total = 0;
        object gate = new();
        RangeLoopSummary run = RangeLoop.Run(
            request.Count,
            StreamingStrategy.StepLength,
            Options,
            () => new Chunks(_buffers.Get()),
            (step, chunks) =>
            {
                foreach (IndexRange chunk in IndexSteps.Of(step, chunks.Buffer.Length))
                {
                    Span<int> values = chunks.Buffer.AsSpan(0, (int)chunk.Length);
                    stream.Fill(first + chunk.Start, values);
                    chunks.Sum += BoundedIntSum.Of(values, stream.Min, stream.Max);
                }

                return chunks;
            },
            chunks =>
            {
                lock (gate)
                {
                    total += chunks.Sum;
                }

                _buffers.Return(chunks.Buffer);
            },
            progress,
            cancellationToken);
        return new GenerateAndSumRun(total, run.WorkerCount, run.RangeCount, run.PartitionerName);
    }

    /// <summary>One partition's buffer and exact partial sum.</summary>
    private sealed class Chunks(int[] buffer)
    {
        public int[] Buffer { get; } = buffer;

        public Int128 Sum { get; set; }
    }

    private sealed class BufferPolicy(int chunkSize) : PooledObjectPolicy<int[]>
    {
        public override int[] Create() => GC.AllocateUninitializedArray<int>(chunkSize);

        // Stryker disable once Boolean : equivalent; a buffer not kept is allocated again, with the same result.
        public override bool Return(int[] obj) => true;
    }
}
