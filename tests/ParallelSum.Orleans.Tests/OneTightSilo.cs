using Orleans.Hosting;
using Orleans.TestingHost;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// A one-silo in-process cluster with tight admission limits: one range at a time, one queued, ranges of up to 1e13 values
/// (so a range can outlast its deadline), and at most <see cref="MaxRangeDuration"/> on the silo.
/// </summary>
public sealed class OneTightSilo : IAsyncLifetime
{
    public static readonly TimeSpan MaxRangeDuration = TimeSpan.FromSeconds(3);

    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddParallelSum(o =>
        {
            o.MaxConcurrentRanges = 1;
            o.MaxQueuedRanges = 1;
            o.MaxValuesPerRange = 10_000_000_000_000;
            o.MaxRangeDuration = MaxRangeDuration;
        }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
