using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans;

/// <summary>
/// Warns when the silo starts with admission limits that refuse every request of the default size: a client keeps up to two
/// ranges per slot in flight on each silo, so a queue shorter than the slots overflows as soon as a request has more ranges
/// than slots (the default partitioning makes four per slot).
/// </summary>
internal sealed class AdmissionLimitsCheck(IOptions<RangeSumSiloOptions> options, ILogger<AdmissionLimitsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RangeSumSiloOptions limits = options.Value;
        if (limits.MaxQueuedRanges < limits.MaxConcurrentRanges)
        {
            Log.AdmissionRefusesDefaultRequests(logger, limits.MaxQueuedRanges, limits.MaxConcurrentRanges);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
