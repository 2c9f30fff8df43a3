using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace ParallelSum.Orleans.Tests;

/// <summary>AddParallelSum on the silo and client builders: options are validated when the host starts, naming the bad value.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task SiloWithBadOptions_FailsToStart_NamingTheValue()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddParallelSum(o =>
            {
                o.MaxConcurrentRanges = 0;
                o.MaxRangeDuration = TimeSpan.FromDays(2);
            }));
        using IHost host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("RangeSumSiloOptions.MaxConcurrentRanges: must be 1 or more; it is 0.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RangeSumSiloOptions.MaxRangeDuration: must be more than 0 s and at most 86400 s; it is 172800 s.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientWithBadOptions_FailsToStart_NamingTheValue()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(FreePort()).AddParallelSum(o => o.MaxValuesPerRequest = -5));
        using IHost host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("DistributedStrategyOptions.MaxValuesPerRequest: must be 1 or more; it is -5.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_AddParallelSum_ProvidesTheStrategyWithItsOptions()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(FreePort()).AddParallelSum(o => o.RangesPerSlot = 7));
        using IHost host = builder.Build();
        Assert.Equal(7, host.Services.GetRequiredService<IOptions<DistributedStrategyOptions>>().Value.RangesPerSlot);
        Assert.Equal(DistributedStrategy.StrategyName, host.Services.GetRequiredService<DistributedStrategy>().Name);
        Assert.True(host.Services.GetRequiredService<IOptions<global::Orleans.Configuration.ClientMessagingOptions>>().Value.CancelRequestOnTimeout);
    }

    private static int FreePort() => SampleProcess.FreePort();
}
