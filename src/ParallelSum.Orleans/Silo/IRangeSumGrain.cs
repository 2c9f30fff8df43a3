using Orleans.Concurrency;

namespace ParallelSum.Orleans;

/// <summary>
/// The range-sum grain: one activation per silo, keyed by the silo's parsable address and placed on that silo (or on another
/// active one when it has left the cluster, see <see cref="SiloKeyedPlacement"/>). <see cref="DistributedStrategy"/> asks each
/// silo for its capacity through it, then sends each range through it to the silo it chose.
/// </summary>
[Alias("ParallelSum.Orleans.IRangeSumGrain")]
internal interface IRangeSumGrain : IGrainWithStringKey
{
    /// <summary>Reports the capacity of the silo this activation runs on.</summary>
    /// <returns>The silo's address, processor count and admission limits.</returns>
    [Alias("GetCapacity")]
    Task<SiloCapacity> GetCapacityAsync();

    /// <summary>Sums the stream values at indices [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    /// <param name="requestId">The request the range belongs to, for <see cref="StopRequestAsync"/>.</param>
    /// <param name="seed">The stream seed.</param>
    /// <param name="min">The smallest stream value.</param>
    /// <param name="max">The largest stream value (at least <paramref name="min"/>).</param>
    /// <param name="start">The first index of the range (0 or more).</param>
    /// <param name="count">The number of values (1 or more, at most the silo's <see cref="RangeSumSiloOptions.MaxValuesPerRange"/>).</param>
    /// <param name="timeLimit">
    /// How long the range may stay on the silo, queued and computing; the silo's <see cref="RangeSumSiloOptions.MaxRangeDuration"/>
    /// applies when it is shorter. Past it the silo stops the range, so work outlives no caller.
    /// </param>
    /// <param name="cancellationToken">Stops the computation in the grain: Orleans carries the cancellation to the silo.</param>
    /// <returns>The exact sum and the silo that computed it.</returns>
    /// <exception cref="DistributedSumException">The silo refused the range: over one of its limits, or its queue is full; the
    /// message names the limit and its value.</exception>
    /// <exception cref="TimeoutException">The range did not finish within its time limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Alias("SumRange")]
    Task<RangeSum> SumRangeAsync(Guid requestId, ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default);

    /// <summary>Stops every range of a request on this silo, queued or computing, and answers once they are told to stop.</summary>
    /// <param name="requestId">The request.</param>
    /// <returns>How many ranges of the request were stopped.</returns>
    [Alias("StopRequest")]
    [AlwaysInterleave]
    Task<int> StopRequestAsync(Guid requestId);
}
