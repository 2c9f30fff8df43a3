using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// The work of a range-sum grain, shared by <see cref="RangeSumGrain"/> (random placement) and
/// <see cref="SiloRangeSumGrain"/> (placed on a chosen silo): checks the range against the silo's limits, waits for a slot
/// of the silo's admission limits (<see cref="RangeAdmission"/>), and computes the exact sum with the in-grain strategy
/// (<see cref="InGrainStrategy"/>) within a deadline.
/// </summary>
internal sealed class RangeSummation(ILocalSiloDetails silo, RangeAdmission admission, ILogger<RangeSumGrain> logger)
{
    /// <summary>
    /// The in-process strategy every grain uses: one worker per range, since the distributed strategy already runs
    /// several ranges per core at once. The single place to change which in-process strategy grains use.
    /// </summary>
    internal static readonly IGenerateAndSum InGrainStrategy =
        new ParallelSum.Strategies.StreamingStrategy(new ParallelSum.Execution.ParallelRunOptions { MaxDegreeOfParallelism = 1 });

    private static int s_running;

    /// <summary>How many range sums are computing in this process now (all silos of an in-process test cluster together).</summary>
    internal static int Running => Volatile.Read(ref s_running);

    /// <summary>Sums one range on this silo; see <see cref="IRangeSumGrain.SumRangeAsync"/>.</summary>
    public async Task<RangeSum> SumRangeAsync(ulong seed, int min, int max, long start, long count, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        RangeSumSiloOptions options = admission.Options;
        if (Refusal(min, max, start, count, timeLimit, options) is string reason)
        {
            throw Refuse(start, count, reason);
        }

        TimeSpan deadline = timeLimit < options.MaxRangeDuration ? timeLimit : options.MaxRangeDuration;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(deadline);
        try
        {
            using RateLimitLease lease = await admission.AcquireAsync(stop.Token).ConfigureAwait(true);
            if (!lease.IsAcquired)
            {
                throw Refuse(start, count, "the silo is full: " + admission.Describe());
            }

            using Activity? activity = Instruments.Source.StartActivity("parallelsum.range.compute");
            activity?.SetTag("parallelsum.range.start", start);
            activity?.SetTag("parallelsum.range.count", count);
            var request = new GenerateAndSumRequest(count, seed, min, max, start);
            Interlocked.Increment(ref s_running);
            Instruments.SiloRangesRunning.Add(1);
            try
            {
                // Off the activation's turn: the library's strategies compute on the calling thread, and a grain that held its
                // turn for the whole range could not take the cancellation Orleans delivers to it.
                GenerateAndSumResult result = await Task.Run(() => InGrainStrategy.GenerateAndSumAsync(request, progress: null, stop.Token), stop.Token).ConfigureAwait(true);
                return RangeSum.From(result.Sum, silo.SiloAddress.ToString());
            }
            finally
            {
                Instruments.SiloRangesRunning.Add(-1);
                Interlocked.Decrement(ref s_running);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Instruments.SiloRangesExpired.Add(1);
            Log.SiloRangeExpired(logger, start, count, deadline);
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
