using Orleans.Concurrency;
using Orleans.Placement;

namespace ParallelSum.Orleans;

/// <summary>
/// Computes the exact sum of one index range on a silo chosen at random (see <see cref="RangeSummation"/> for the limits
/// and the deadline), for callers of <see cref="IRangeSumGrain"/>: the many distinct keys of a caller's ranges spread over
/// every silo. Reentrant: it holds no state and computes off its turn, so every call goes straight to the silo's admission
/// limit instead of waiting, unbounded, in the activation's own queue.
/// </summary>
[RandomPlacement]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class RangeSumGrain(RangeSummation summation) : Grain, IRangeSumGrain
{
    /// <inheritdoc />
    public Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default) =>
        summation.SumRangeAsync(seed, min, max, start, count, timeLimit, cancellationToken);
}
