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

    /// <summary>Attempts per range before the request fails (1 or more; default 8). Each retry uses a new grain key, so it may land on another silo.</summary>
    public int MaxAttemptsPerRange { get; init; } = 8;

    /// <summary>
    /// The wait before a range's second attempt, doubled for each later one up to 8 times this value (zero or more; default 0.5 s).
    /// A silo that dies stays in the membership table until the cluster votes it out, and calls placed on it fail at once;
    /// without a wait, every attempt could be spent before that.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(0.5);

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

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "RetryDelay must be zero or more.");
        }

        if (MaxAttemptsPerRange < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttemptsPerRange), MaxAttemptsPerRange, "MaxAttemptsPerRange must be 1 or more (up to 2147483647).");
        }
    }
}
