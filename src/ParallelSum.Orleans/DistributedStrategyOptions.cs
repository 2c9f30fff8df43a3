namespace ParallelSum.Orleans;

/// <summary>Options of <see cref="DistributedStrategy"/>.</summary>
public sealed class DistributedStrategyOptions
{
    /// <summary>
    /// How [0, count) is split into grain calls. When null (the default), the strategy uses
    /// <see cref="IndexRangePartitioners.StaticBlocks(int)"/> with active silos × <see cref="CoresPerSilo"/> × <see cref="RangesPerCore"/> blocks.
    /// </summary>
    public IIndexRangePartitioner? Partitioner { get; init; }

    /// <summary>Cores assumed per silo when sizing the default partitioning (1 or more; default: this machine's processor count).</summary>
    public int CoresPerSilo { get; init; } = Environment.ProcessorCount;

    /// <summary>Ranges per core in the default partitioning (1 or more; default 4), so a slow or lost silo's share is small.</summary>
    public int RangesPerCore { get; init; } = 4;

    /// <summary>Attempts per range before the request fails (1 or more; default 4). Each retry uses a new grain key, so it may land on another silo.</summary>
    public int MaxAttemptsPerRange { get; init; } = 4;

    /// <summary>Called with the silo address of every completed range (for diagnostics and tests); may be null.</summary>
    public Action<string>? RangeCompleted { get; init; }

    internal void Validate()
    {
        if (CoresPerSilo < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CoresPerSilo), CoresPerSilo, "CoresPerSilo must be 1 or more (up to 2147483647).");
        }

        if (RangesPerCore < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RangesPerCore), RangesPerCore, "RangesPerCore must be 1 or more (up to 2147483647).");
        }

        if (MaxAttemptsPerRange < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttemptsPerRange), MaxAttemptsPerRange, "MaxAttemptsPerRange must be 1 or more (up to 2147483647).");
        }
    }
}
