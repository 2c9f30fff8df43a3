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

    private static int s_running;

    /// <summary>How many range sums are computing in this process now (all silos of an in-process test cluster together).</summary>
    internal static int Running => Volatile.Read(ref s_running);

    /// <inheritdoc />
    public async Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, CancellationToken cancellationToken = default)
    {
        var request = new GenerateAndSumRequest(count, seed, min, max, start);
        Interlocked.Increment(ref s_running);
        try
        {
            // Off the activation's turn: the library's strategies compute on the calling thread, and a grain that held its turn
            // for the whole range could not take the cancellation Orleans delivers to it.
            GenerateAndSumResult result = await Task.Run(() => InGrainStrategy.GenerateAndSumAsync(request, progress: null, cancellationToken), cancellationToken).ConfigureAwait(true);
            return RangeSum.From(result.Sum, silo.SiloAddress.ToString());
        }
        finally
        {
            Interlocked.Decrement(ref s_running);
            DeactivateOnIdle();
        }
    }
}
