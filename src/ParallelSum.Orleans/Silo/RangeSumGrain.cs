using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;
using ParallelSum.Execution;
using ParallelSum.Strategies;

namespace ParallelSum.Orleans;

/// <summary>
/// The range-sum grain: reports its silo's capacity, and computes the exact sum of one index range within the silo's
/// admission limits (<see cref="RangeAdmission"/>) and a deadline. Reentrant and stateless: every call goes straight to the
/// silo's admission limit instead of waiting, unbounded, in the activation's own queue.
/// </summary>
[SiloKeyedPlacement]
[Reentrant]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class RangeSumGrain(ILocalSiloDetails silo, RangeAdmission admission, RunningRanges running, ILogger<RangeSumGrain> logger) : Grain, IRangeSumGrain
{
    /// <summary>
    /// The in-process strategy every range runs on: one worker per range, since the distributed strategy already keeps two
    /// ranges per slot of every silo in flight. The single place to change which in-process strategy grains use.
    /// </summary>
    private static readonly StreamingStrategy InGrainStrategy = new(new ParallelRunOptions { MaxDegreeOfParallelism = 1 });

    /// <inheritdoc />
    public Task<SiloCapacity> GetCapacityAsync()
    {
        RangeSumSiloOptions options = admission.Options;
        return Task.FromResult(new SiloCapacity(
            silo.SiloAddress.ToParsableString(), silo.SiloAddress.ToString(), Environment.ProcessorCount, options.MaxConcurrentRanges, options.MaxValuesPerRange));
    }

    /// <inheritdoc />
    public Task<int> StopRequestAsync(Guid requestId) => Task.FromResult(running.Stop(requestId));

    /// <inheritdoc />
    public async Task<RangeSum> SumRangeAsync(Guid requestId, ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        RangeSumSiloOptions options = admission.Options;
        if (Refusal(min, max, start, count, timeLimit, options) is string reason)
        {
            throw Refuse(start, count, reason);
        }

        TimeSpan deadline = timeLimit < options.MaxRangeDuration ? timeLimit : options.MaxRangeDuration;
        // Three ways to stop: the caller's cancellation (Orleans carries it), the client's StopRequestAsync, the deadline.
        using var stoppedByClient = new CancellationTokenSource();
        using IDisposable registered = running.Add(requestId, stoppedByClient);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stoppedByClient.Token);
        stop.CancelAfter(deadline);
        try
        {
            using RateLimitLease lease = await admission.AcquireAsync(stop.Token).ConfigureAwait(true);
            if (!lease.IsAcquired)
            {
                throw Refuse(start, count, admission.DescribeFull());
            }

            using Activity? activity = Instruments.Source.StartActivity("parallelsum.range.compute");
            activity?.SetTag("parallelsum.range.start", start);
            activity?.SetTag("parallelsum.range.count", count);
            Instruments.SiloRangesRunning.Add(1);
            try
            {
                // GenerateAndSumAsync returns at once and computes on the thread pool (the default scheduler, not this
                // activation's), so the grain's turn ends at this await: the reentrant grain goes on taking calls, and the
                // cancellation Orleans delivers reaches the computation through the token.
                GenerateAndSumResult result = await InGrainStrategy.GenerateAndSumAsync(new GenerateAndSumRequest(count, seed, min, max, start), progress: null, stop.Token).ConfigureAwait(true);
                return RangeSum.From(result.Sum, silo.SiloAddress.ToString());
            }
            finally
            {
                Instruments.SiloRangesRunning.Add(-1);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !stoppedByClient.IsCancellationRequested)
        {
            Instruments.SiloRangesExpired.Add(1);
            double deadlineSeconds = Durations.Seconds(deadline);
            Log.SiloRangeExpired(logger, start, count, deadlineSeconds);
            throw new TimeoutException($"Silo {silo.SiloAddress} stopped range [{start}, +{count}) at its deadline of {deadline.TotalSeconds:0.###} s (queued and computing).");
        }
    }

    private static string? Refusal(int min, int max, long start, long count, TimeSpan timeLimit, RangeSumSiloOptions options)
    {
        if (count < 1 || count > options.MaxValuesPerRange)
        {
            return $"count {count} is outside [1, MaxValuesPerRange {options.MaxValuesPerRange}]";
        }

        if (start < 0 || start > IndexLimits.MaxEndIndex - count)
        {
            return $"start index {start} with count {count} is outside the accepted index space ({IndexLimits.Accepted})";
        }

        if (min > max)
        {
            return $"min {min} exceeds max {max}";
        }

        return timeLimit <= TimeSpan.Zero ? $"time limit {timeLimit} must be more than zero" : null;
    }

    private DistributedSumException Refuse(long start, long count, string reason)
    {
        Instruments.SiloRangesRefused.Add(1);
        Log.SiloRangeRefused(logger, start, count, reason);
        return new DistributedSumException($"Silo {silo.SiloAddress} refused range [{start}, +{count}): {reason}.");
    }
}
