using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>Asks the cluster which silos are active and each of them, through the range-sum grain placed on it, what it
/// offers: a request is sized from the silos' own answers, never from the client's processor count.</summary>
internal static class ClusterCapacity
{
    /// <summary>The silos that answered, each once; a silo that does not answer within <paramref name="timeout"/>, or that
    /// has left the cluster since it was listed, gets no ranges of this request (logged as event 3).</summary>
    /// <exception cref="DistributedSumException">The cluster cannot be reached, has no active silo, or no silo answered.</exception>
    public static async Task<SiloCapacity[]> ListAsync(IGrainFactory grains, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new DistributedSumException($"Cannot reach the Orleans cluster to list its silos: {ex.GetType().Name}: {ex.Message}", ex);
        }

        SiloCapacity?[] answers = await Task.WhenAll(hosts.Keys.Select(async silo =>
        {
            string key = silo.ToParsableString();
            try
            {
                SiloCapacity capacity = await grains.GetGrain<IRangeSumGrain>(key).GetCapacityAsync().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
                if (capacity.Key == key)
                {
                    return capacity;
                }

                // The silo left after it was listed: another one answered for its key, and is listed on its own.
                Log.SiloSkipped(logger, silo.ToString(), $"it has left the cluster; silo {capacity.Silo} answered in its place");
                return null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SiloSkipped(logger, silo.ToString(), $"{ex.GetType().Name}: {ex.Message}");
                return null;
            }
        })).ConfigureAwait(false);

        SiloCapacity[] answered = [.. answers.OfType<SiloCapacity>().OrderBy(s => s.Key, StringComparer.Ordinal)];
        return answered.Length > 0
            ? answered
            : throw new DistributedSumException(hosts.Count == 0
                ? "The Orleans cluster has no active silo."
                : $"None of the {hosts.Count} active silos reported its capacity; are they hosting ParallelSum (AddParallelSum on the silo builder)?");
    }
}
