using Microsoft.Extensions.Hosting;
using ParallelSum.Orleans;
using ParallelSum.Silo;

namespace ParallelSum.Experiment;

/// <summary>Runs a request on a running Orleans cluster with <see cref="DistributedStrategy"/>, this process being the client.</summary>
internal static class DistributedRun
{
    /// <summary>The strategy name <c>run</c> accepts for it.</summary>
    public const string Name = DistributedStrategy.StrategyName;

    public static StrategyRun Run(RunOptions options, ClusterTarget cluster)
    {
        IHost host = ClusterClientConnection.ConnectAsync(
            cluster.Redis, cluster.GatewayPorts, cluster.ClusterId, cluster.ServiceId, TimeSpan.FromSeconds(30), cluster.ConnectTimeout, CancellationToken.None)
            .GetAwaiter().GetResult();
        try
        {
            var strategy = new DistributedStrategy(ClusterClientConnection.Client(host), new DistributedStrategyOptions
            {
                // p ranges: chunks of count / p values, rounded up.
                Partitioner = options.Partitions is int p ? IndexRangePartitioners.DynamicChunks(Math.Max(1, (options.Request.Count + p - 1) / p)) : null,
            });
            try
            {
                return RunCommand.Measure(strategy, options);
            }
            catch (DistributedSumException e)
            {
                throw new InvalidOperationException(e.Message, e);
            }
        }
        finally
        {
            ClusterClientConnection.DisconnectAsync(host).GetAwaiter().GetResult();
        }
    }
}
