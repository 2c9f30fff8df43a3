using Orleans.Concurrency;

namespace ParallelSum.Orleans;

/// <summary>
/// Computes the exact sum of one index range on the silo its key names (see <see cref="PreferredSiloPlacement"/>), with
/// the same limits and deadline as <see cref="RangeSumGrain"/> (<see cref="RangeSummation"/>). One activation per silo,
/// reentrant: every call goes straight to the silo's admission limit.
/// </summary>
[PreferredSiloPlacement]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class SiloRangeSumGrain(RangeSummation summation) : Grain, ISiloRangeSumGrain
{
    /// <inheritdoc />
    public Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default) =>
        summation.SumRangeAsync(seed, min, max, start, count, timeLimit, cancellationToken);
}
