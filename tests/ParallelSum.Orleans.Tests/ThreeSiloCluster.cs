using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// An in-process Orleans test cluster of three silos hosting ParallelSum, shared by the tests of one class. Each silo offers
/// <see cref="SlotsPerSilo"/> range slots, a number unlike the test machine's core count, so tests can tell that clients size
/// requests from the silos' answers.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const int SlotsPerSilo = 3;

    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddParallelSum(o => o.MaxConcurrentRanges = SlotsPerSilo));
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
