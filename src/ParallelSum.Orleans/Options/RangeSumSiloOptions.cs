namespace ParallelSum.Orleans;

/// <summary>
/// Options of the silo side of a distributed sum: what one silo admits and how long a range may run there. Bind them with
/// <c>AddParallelSum</c> on the silo builder; they are validated when the silo starts, and every message names the option and
/// its value.
/// </summary>
public sealed class RangeSumSiloOptions
{
    /// <summary>Gets or sets how many ranges this silo computes at once (its range slots); the clients size their requests
    /// from it.</summary>
    /// <value>1 or more; default: the silo's processor count.</value>
    [Minimum(1)]
    public int MaxConcurrentRanges { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets or sets how many ranges may wait for a free slot. A range that arrives when the queue is full is refused at once
    /// with <see cref="DistributedSumException"/>, whose message names this limit and its value; it is never queued without bound.
    /// </summary>
    /// <value>0 or more; default 16 × the processor count.</value>
    /// <remarks>A client keeps up to two ranges per slot in flight, so a silo whose queue is shorter than
    /// <see cref="MaxConcurrentRanges"/> refuses every request that has more ranges than slots, as requests of the default
    /// size do; the silo logs a warning (event 106) when it starts with such settings.</remarks>
    [Minimum(0)]
    public int MaxQueuedRanges { get; set; } = 16 * Environment.ProcessorCount;

    /// <summary>Gets or sets the most values one range may have; a larger range is refused at once.</summary>
    /// <value>1 or more; default <see cref="DistributedStrategyOptions.DefaultMaxValuesPerRange"/> (2e9).</value>
    [Minimum(1)]
    public long MaxValuesPerRange { get; set; } = DistributedStrategyOptions.DefaultMaxValuesPerRange;

    /// <summary>
    /// Gets or sets the longest a range may stay on this silo, queued and computing, whatever the caller asks: the deadline
    /// that stops abandoned work when a caller is gone without cancelling (killed, or cut off).
    /// The caller's own limit (<see cref="DistributedStrategyOptions.RangeTimeout"/>) applies when it is shorter.
    /// </summary>
    /// <value>More than 0 s and at most 86400 s (1 day); default 60 s.</value>
    [Duration(0, 86_400, MinimumIsExclusive = true)]
    public TimeSpan MaxRangeDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how often the silo checks that it is still listed as active in the cluster's membership table. A silo
    /// that finds itself missing or declared dead (for example after the membership store was restarted empty) logs one
    /// critical line and stops its host, so a supervisor can restart it.
    /// </summary>
    /// <value>0 (off) or from 1 s to 86400 s (1 day); default 10 s.</value>
    [Duration(1, 86_400, ZeroMeansOff = true)]
    public TimeSpan MembershipCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
