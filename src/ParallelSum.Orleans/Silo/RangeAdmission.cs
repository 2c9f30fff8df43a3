using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans;

/// <summary>
/// One silo's admission limit for ranges: at most <see cref="RangeSumSiloOptions.MaxConcurrentRanges"/> compute at once and
/// at most <see cref="RangeSumSiloOptions.MaxQueuedRanges"/> wait, oldest first; any further range is refused at once.
/// </summary>
internal sealed class RangeAdmission(IOptions<RangeSumSiloOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRanges,
        QueueLimit = options.Value.MaxQueuedRanges,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public RangeSumSiloOptions Options { get; } = options.Value;

    /// <summary>Waits for a slot; the lease is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <summary>Gets how many ranges hold a slot now (they are computing).</summary>
    public long Running => Options.MaxConcurrentRanges - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? Options.MaxConcurrentRanges);

    /// <summary>Gets how many ranges wait for a slot now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Why a range that found no place was refused: the limit, its value, and the load.</summary>
    public string DescribeFull() =>
        $"its queue is full: {Queued} of MaxQueuedRanges {Options.MaxQueuedRanges} queued, {Running} of MaxConcurrentRanges {Options.MaxConcurrentRanges} running";

    public void Dispose() => _limiter.Dispose();
}
