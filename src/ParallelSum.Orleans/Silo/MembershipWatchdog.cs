using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// Checks every <see cref="RangeSumSiloOptions.MembershipCheckInterval"/> that this silo is still listed as active in the
/// membership table. Once it has been listed, a silo found missing (the membership store was restarted empty) or declared
/// dead, or unable to read its entry for <see cref="UnreadableChecksLimit"/> checks in a row (the Redis table reads as
/// deleted after the store restarted empty), logs one critical line, sets the process exit code to 1 and stops its host:
/// a silo nobody can find must not keep running silently.
/// </summary>
internal sealed partial class MembershipWatchdog(
    IMembershipTable table, ILocalSiloDetails silo, IOptions<RangeSumSiloOptions> options, IOptions<ClusterOptions> cluster,
    IHostApplicationLifetime lifetime, ILogger<MembershipWatchdog> logger) : BackgroundService
{
    /// <summary>Failed reads in a row, after the silo was seen active, that stop it.</summary>
    internal const int UnreadableChecksLimit = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = options.Value.MembershipCheckInterval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        bool seenActive = false;
        int unreadable = 0;
        string clusterName = cluster.Value.ClusterId + "/" + cluster.Value.ServiceId;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            SiloStatus? status;
            try
            {
                MembershipTableData data = await table.ReadRowAsync(silo.SiloAddress, stoppingToken).WaitAsync(interval, stoppingToken).ConfigureAwait(false);
                status = data.Members.Select(m => m.Item1).FirstOrDefault(e => e.SiloAddress.Equals(silo.SiloAddress))?.Status;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                string error = $"{ex.GetType().Name}: {ex.Message}";
                if (seenActive && ++unreadable >= UnreadableChecksLimit)
                {
                    Log.MembershipUnreachable(logger, silo.SiloAddress, clusterName, unreadable, error);
                    Stop();
                    return;
                }

                Log.MembershipUnreadable(logger, error);
                continue;
            }

            unreadable = 0;
            if (status == SiloStatus.Active)
            {
                seenActive = true;
            }
            else if (seenActive && status is null or SiloStatus.Dead)
            {
                Log.MembershipLost(logger, silo.SiloAddress, status is null ? "missing" : "declared dead", clusterName);
                Stop();
                return;
            }
        }
    }

    private void Stop()
    {
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
