namespace ParallelSum;

/// <summary>Options of <see cref="SimdChunksStrategy"/>.</summary>
public sealed class SimdChunksStrategyOptions : PartitionedStrategyOptions
{
    /// <summary>The default chunk size: 16,384 values, 64 KiB, which stays in a core's L2 cache between fill and sum.</summary>
    /// <remarks>A measured value, not a constant: a later version may change it without recompiling callers.</remarks>
    public static readonly int DefaultChunkSize = 16_384;

    /// <summary>The largest chunk size accepted: 2^24 values (64 MiB per worker).</summary>
    public const int MaxChunkSize = 1 << 24;

    /// <summary>Gets how many values each worker generates into its buffer before summing them.</summary>
    /// <value>Defaults to <see cref="DefaultChunkSize"/>; from 1 to <see cref="MaxChunkSize"/>.</value>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <inheritdoc />
    internal override void Validate(string parameterName)
    {
        base.Validate(parameterName);
        if (ChunkSize is < 1 or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(parameterName, ChunkSize, $"{parameterName}.ChunkSize must be from 1 to {MaxChunkSize}.");
        }
    }
}
