using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using ParallelSum.Orleans;

namespace ParallelSum.Silo;

/// <summary>
/// Connects an Orleans client to a running ParallelSum cluster: localhost clustering through gateway ports on 127.0.0.1,
/// or Redis membership. Shared by the silo sample's <c>sum</c> command and the experiment's <c>run --cluster</c>.
/// </summary>
internal static class ClusterClientConnection
{
    /// <summary>Starts a client host and returns it once connected; dispose it (after <c>StopAsync</c>) to disconnect.</summary>
    /// <param name="redis">A Redis connection string for membership, or <see langword="null"/> for localhost clustering.</param>
    /// <param name="gatewayPorts">Without Redis: the gateway ports of silos on 127.0.0.1.</param>
    /// <param name="clusterId">The Orleans cluster id every silo of the cluster uses.</param>
    /// <param name="serviceId">The Orleans service id every silo of the cluster uses.</param>
    /// <param name="responseTimeout">How long a grain call may take before it counts as failed (and its range is retried).</param>
    /// <param name="connectTimeout">How long to wait for the connection.</param>
    /// <param name="cancellationToken">Stops waiting for the connection.</param>
    /// <param name="configureClient">Further client configuration (such as TLS); null for none.</param>
    /// <param name="strategy">Sets the options of the <see cref="DistributedStrategy"/> the host provides (<c>AddParallelSum</c>); null for defaults.</param>
    /// <param name="strategyLogLevel">The least level of the strategy's own log lines on stderr: <see cref="LogLevel.Information"/>
    /// adds a line when a request has started on the silos and one when it has completed (events 6 and 5).</param>
    /// <exception cref="InvalidOperationException">No connection within <paramref name="connectTimeout"/>; the message names the cluster and how it was looked for.</exception>
    public static async Task<IHost> ConnectAsync(
        string? redis, IReadOnlyList<int> gatewayPorts, string clusterId, string serviceId, TimeSpan responseTimeout, TimeSpan connectTimeout, CancellationToken cancellationToken,
        Action<DistributedStrategyOptions>? strategy = null, Action<IClientBuilder>? configureClient = null, LogLevel strategyLogLevel = LogLevel.Warning)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();

        // One line per message on stderr: ParallelSum's retries and refusals (and, if asked, each request's start and end); Orleans only when critical.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Logging.AddFilter("ParallelSum", LogLevel.Warning);
        builder.Logging.AddFilter(typeof(DistributedStrategy).FullName, strategyLogLevel);
        builder.UseOrleansClient(client =>
        {
            configureClient?.Invoke(client);
            client.AddParallelSum(o =>
            {
                o.RangeTimeout = responseTimeout;
                strategy?.Invoke(o);
            });
            if (redis is null)
            {
                client.UseLocalhostClustering([.. gatewayPorts], serviceId, clusterId);
            }
            else
            {
                client.UseRedisClustering(redis);
                client.Configure<global::Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
            }

            client.Configure<ClientMessagingOptions>(o =>
            {
                // A little longer than the strategy's own range timeout, which cancels the grain call (and so the grain) first.
                o.ResponseTimeout = responseTimeout + TimeSpan.FromSeconds(5);

                // AddParallelSum turns on CancelRequestOnTimeout: a timed-out range is retried elsewhere and its silo stops computing it.
            });
        });
        IHost host = builder.Build();
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(connectTimeout);
        try
        {
            await host.StartAsync(connect.Token).WaitAsync(connect.Token).ConfigureAwait(false);
            return host;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            string via = redis is null ? "gateways 127.0.0.1:" + string.Join(",", gatewayPorts) : "redis " + redis;
            string reason = ex is OperationCanceledException && connect.IsCancellationRequested
                ? await ConnectionFailure.NoSiloAsync(redis, gatewayPorts, clusterId, serviceId).ConfigureAwait(false)
                : ConnectionFailure.Describe(ex, redis);
            throw new InvalidOperationException(
                $"could not connect to the Orleans cluster {clusterId}/{serviceId} via {via} within {connectTimeout.TotalSeconds:F0} s: {reason}", ex);
        }
    }

    /// <summary>The distributed strategy of a host from <see cref="ConnectAsync"/>, with the options given there.</summary>
    public static DistributedStrategy Strategy(IHost host) => host.Services.GetRequiredService<DistributedStrategy>();

    /// <summary>The connected client of a host from <see cref="ConnectAsync"/>.</summary>
    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Stops the client host, waiting at most 5 s.</summary>
    public static async Task DisconnectAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
        host.Dispose();
    }
}
