namespace ParallelSum.Orleans;

/// <summary>
/// A range-sum grain placed on the silo its key names (the silo address in its parsable form), or on another active silo
/// when that one has left the cluster. <see cref="DistributedStrategy"/> sends each range through it to the silo with the
/// most free range slots, so ranges spread by the silos' capacity rather than at random.
/// </summary>
[Alias("ParallelSum.Orleans.ISiloRangeSumGrain")]
public interface ISiloRangeSumGrain : IGrainWithStringKey
{
    /// <inheritdoc cref="IRangeSumGrain.SumRangeAsync"/>
    [Alias("SumRange")]
    Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default);
}
