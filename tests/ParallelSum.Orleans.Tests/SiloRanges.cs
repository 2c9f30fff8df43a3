using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ParallelSum.Orleans.Tests;

/// <summary>What the silos of an in-process cluster are doing, read from each silo's own admission limit.</summary>
internal static class SiloRanges
{
    /// <summary>The admission limit of one silo of an in-process cluster.</summary>
    public static RangeAdmission Admission(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<RangeAdmission>();

    /// <summary>How many ranges compute on the cluster's silos now.</summary>
    public static long Running(InProcessTestCluster cluster) => cluster.Silos.Sum(s => Admission(s).Running);

    /// <summary>Waits until no range computes on the cluster, at most <paramref name="limit"/>; false if some still do.</summary>
    public static bool WaitUntilIdle(InProcessTestCluster cluster, TimeSpan limit) => SpinWait.SpinUntil(() => Running(cluster) == 0, limit);
}
