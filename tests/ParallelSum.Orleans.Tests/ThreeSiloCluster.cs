using Orleans.Configuration;
using Orleans.TestingHost;

namespace ParallelSum.Orleans.Tests;

/// <summary>An in-process Orleans test cluster of three silos, shared by the tests of one class.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureClient(c => c.Configure<ClientMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromSeconds(5);
            o.CancelRequestOnTimeout = true;
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
