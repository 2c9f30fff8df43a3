using Orleans.Placement;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// Computes the exact sum of one index range with the in-grain strategy (<see cref="InGrainStrategy"/>).
/// Placement is random, so the many distinct keys of one distributed request spread over every silo; each activation
/// deactivates once idle, since it holds no state worth keeping.
/// </summary>
/// <param name="silo">The details of the silo this activation runs on.</param>
[RandomPlacement]
public sealed class RangeSumGrain(ILocalSiloDetails silo) : Grain, IRangeSumGrain
{
    /// <summary>
    /// The in-process strategy every grain uses: one worker per range, since the distributed strategy already runs
    /// several ranges per core at once. The single place to change which in-process strategy grains use.
    /// </summary>
    internal static readonly IGenerateAndSum InGrainStrategy =
        new StreamingStrategy(new PartitionedStrategyOptions { Partitioner = IndexRangePartitioners.StaticBlocks(1) });

    /// <inheritdoc />
    public async Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count)
    {
        var request = new GenerateAndSumRequest(count, seed, min, max, start);
        GenerateAndSumResult result = await InGrainStrategy.GenerateAndSumAsync(request).ConfigureAwait(true);
        DeactivateOnIdle();
        return RangeSum.From(result.Sum, silo.SiloAddress.ToString());
    }
}
