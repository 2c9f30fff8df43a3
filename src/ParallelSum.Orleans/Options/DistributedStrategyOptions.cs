using ParallelSum.Execution;

namespace ParallelSum.Orleans;

/// <summary>
/// Options of <see cref="DistributedStrategy"/>, the client side of a distributed sum: how a request is split into ranges,
/// the limits a request must keep, and the resilience of each range (retries with backoff and jitter, a timeout per
/// attempt), which the strategy builds into one Polly resilience pipeline.
/// </summary>
/// <remarks>Bind them with <c>AddParallelSum</c> on the client builder (validated when the host starts) or pass them to the
/// strategy's constructor (validated there, and copied: later changes have no effect on that strategy). Every option is
/// checked against the range its documentation gives; the message names the option and its value.</remarks>
public sealed class DistributedStrategyOptions
{
    /// <summary>The default of <see cref="MaxValuesPerRequest"/>: 1e12 values.</summary>
    public const long DefaultMaxValuesPerRequest = 1_000_000_000_000;

    /// <summary>The default of <see cref="MaxValuesPerRange"/> (and of <see cref="RangeSumSiloOptions.MaxValuesPerRange"/>): 2e9 values.</summary>
    public const long DefaultMaxValuesPerRange = 2_000_000_000;

    /// <summary>
    /// Gets or sets how <c>[0, count)</c> is split into ranges, each one grain call. The strategy keeps up to two ranges per
    /// silo slot in flight and asks the partitioner for one partition per range in flight, as the engine asks for one per
    /// worker; each partition's ranges are sent one after another, each to the least-loaded silo.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: dynamic chunks of <c>count / ranges</c> values (rounded up), where ranges is the
    /// larger of the silos' range slots (their <see cref="RangeSumSiloOptions.MaxConcurrentRanges"/> added up) ×
    /// <see cref="RangesPerSlot"/> and <c>count / </c>the per-range limit, rounded up.</value>
    /// <remarks>The ranges are checked as for any partitioner of the engine: a range out of <c>[0, count)</c> or one that would
    /// bring the total above the count is refused before it is sent, and gaps and overlaps are found when every partition has
    /// ended; each ends the call with <see cref="InvalidPartitioningException"/>. A range over the per-range limit (this
    /// <see cref="MaxValuesPerRange"/> or a silo's) ends the call with <see cref="DistributedSumException"/> before it is sent.</remarks>
    public IndexRangePartitioner? Partitioner { get; set; }

    /// <summary>Gets or sets the ranges per silo slot in the default partitioning: more ranges than slots, so a slow or lost
    /// silo's share is small and every silo stays busy to the end.</summary>
    /// <value>1 or more; default 4.</value>
    [Minimum(1)]
    public int RangesPerSlot { get; set; } = 4;

    /// <summary>Gets or sets how many times one range is tried, the first attempt included, before the request fails with
    /// <see cref="DistributedSumException"/>. Each attempt goes to the least-loaded silo that has not failed a range of the
    /// request, while one is left.</summary>
    /// <value>1 (no retry) or more; default 8.</value>
    [Minimum(1)]
    public int MaxAttemptsPerRange { get; set; } = 8;

    /// <summary>
    /// Gets or sets the median wait before a range's second attempt; later waits grow exponentially, with jitter, up to
    /// <see cref="MaxRetryDelay"/>. A silo that dies stays in the membership table until the cluster votes it out, and calls
    /// placed on it fail at once: without a wait, every attempt could be spent before that.
    /// </summary>
    /// <value>From 0 to 3600 s; default 0.5 s.</value>
    [Duration(0, 3600)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Gets or sets the longest wait between two attempts at a range.</summary>
    /// <value>From 0 to 3600 s; default 4 s.</value>
    [Duration(0, 3600)]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Gets or sets how long one attempt at a range may take. When it passes, the attempt is cancelled (the grain stops) and
    /// the range is retried. The grain is given the same limit as its own deadline, so it also stops when this client is gone.
    /// </summary>
    /// <value>From 0.01 s to 86400 s (1 day); default 30 s.</value>
    [Duration(0.01, 86_400)]
    public TimeSpan RangeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest request accepted; a larger one is refused with <see cref="ArgumentOutOfRangeException"/>
    /// before any silo is asked.</summary>
    /// <value>1 or more; default <see cref="DefaultMaxValuesPerRequest"/> (1e12).</value>
    [Minimum(1)]
    public long MaxValuesPerRequest { get; set; } = DefaultMaxValuesPerRequest;

    /// <summary>
    /// Gets or sets the most values one grain call may sum. The default partitioning splits finer when needed; a custom
    /// <see cref="Partitioner"/> that makes a larger range is refused with <see cref="DistributedSumException"/> before that
    /// range is sent. The silos' own <see cref="RangeSumSiloOptions.MaxValuesPerRange"/> also applies (the smaller wins).
    /// </summary>
    /// <value>1 or more; default <see cref="DefaultMaxValuesPerRange"/> (2e9).</value>
    [Minimum(1)]
    public long MaxValuesPerRange { get; set; } = DefaultMaxValuesPerRange;

    /// <summary>Returns a copy, so a strategy keeps the options it was created with.</summary>
    internal DistributedStrategyOptions Copy() => (DistributedStrategyOptions)MemberwiseClone();
}
