using ParallelSum.Execution;

namespace ParallelSum.Orleans;

/// <summary>
/// Options of <see cref="DistributedStrategy"/>, the client side of a distributed sum. Bind them with
/// <c>AddParallelSum</c> on the client builder (validated when the host starts) or pass them to the strategy's constructor
/// (validated there).
/// </summary>
public sealed class DistributedStrategyOptions
{
    /// <summary>The default of <see cref="MaxValuesPerRequest"/>: 1e12 values.</summary>
    public const long DefaultMaxValuesPerRequest = 1_000_000_000_000;

    /// <summary>The default of <see cref="MaxValuesPerRange"/> (and of <see cref="RangeSumSiloOptions.MaxValuesPerRange"/>): 2e9 values.</summary>
    public const long DefaultMaxValuesPerRange = 2_000_000_000;

    /// <summary>
    /// Gets or sets how [0, count) is split into grain calls. When null (the default), the strategy uses
    /// <see cref="IndexRangePartitioners.StaticBlocks"/> with as many blocks as the larger of: the silos' range slots
    /// (their <see cref="RangeSumSiloOptions.MaxConcurrentRanges"/> added up) × <see cref="RangesPerCore"/>, and
    /// count / <see cref="MaxValuesPerRange"/> rounded up.
    /// </summary>
    /// <value>Default: null.</value>
    public IndexRangePartitioner? Partitioner { get; set; }

    /// <summary>Gets or sets the ranges per range slot of the silos in the default partitioning, so a slow or lost silo's share is small.</summary>
    /// <value>1 or more; default 4.</value>
    public int RangesPerCore { get; set; } = 4;

    /// <summary>Gets or sets the attempts per range before the request fails. Each retry uses a new grain key, so it may land on another silo.</summary>
    /// <value>1 or more; default 8.</value>
    public int MaxAttemptsPerRange { get; set; } = 8;

    /// <summary>
    /// Gets or sets the wait before a range's second attempt, doubled for each later one up to 8 times this value.
    /// A silo that dies stays in the membership table until the cluster votes it out, and calls placed on it fail at once;
    /// without a wait, every attempt could be spent before that.
    /// </summary>
    /// <value>Zero or more; default 0.5 s.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Gets or sets how long one attempt at a range may take. When it passes, the attempt is cancelled (the grain stops) and the
    /// range is retried. The grain is given the same limit as its own deadline, so it also stops when this client is gone.
    /// </summary>
    /// <value>Greater than zero, at most 1 day; default 30 s.</value>
    public TimeSpan RangeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest request accepted; a larger one is refused at once with <see cref="DistributedSumException"/>.</summary>
    /// <value>1 or more; default <see cref="DefaultMaxValuesPerRequest"/> (1e12).</value>
    public long MaxValuesPerRequest { get; set; } = DefaultMaxValuesPerRequest;

    /// <summary>
    /// Gets or sets the most values one grain call may sum. The default partitioning splits finer when needed; a custom
    /// <see cref="Partitioner"/> that makes a larger range is refused at once with <see cref="DistributedSumException"/>.
    /// The silos' own <see cref="RangeSumSiloOptions.MaxValuesPerRange"/> also applies (the smaller wins).
    /// </summary>
    /// <value>1 or more; default <see cref="DefaultMaxValuesPerRange"/> (2e9).</value>
    public long MaxValuesPerRange { get; set; } = DefaultMaxValuesPerRange;

    /// <summary>Gets or sets a callback with the silo address of every completed range (for diagnostics and tests).</summary>
    /// <value>Default: null.</value>
    public Action<string>? RangeCompleted { get; set; }
}
