using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ParallelSum.Silo;

/// <summary>Runs one Orleans silo hosting ParallelSum's range-sum grains until stopped (Ctrl+C / SIGTERM).</summary>
internal static class SiloCommand
{
    private static readonly Option<int> SiloPort = new("--silo-port") { Description = "Silo-to-silo port.", DefaultValueFactory = _ => 11111 };

    private static readonly Option<int> GatewayPort = new("--gateway-port") { Description = "Client gateway port.", DefaultValueFactory = _ => 30000 };

    private static readonly Option<string?> Address = new("--address")
    {
        Description = "IP address advertised to other silos and clients (with --redis; default: this machine's first non-loopback address). Use 127.0.0.1 for several silos on one machine.",
    };

    private static readonly Option<int?> PrimaryPort = new("--primary-silo-port")
    {
        Description = "Without --redis: silo port of the primary silo on 127.0.0.1 to join (default: this silo is the primary).",
    };

    public static void Configure(Command command)
    {
        command.Options.Add(SiloPort);
        command.Options.Add(GatewayPort);
        command.Options.Add(Address);
        command.Options.Add(PrimaryPort);
        ClusterOptions.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
    }

    private static string? Validate(ParseResult parse)
    {
        foreach (Option<int> port in new[] { SiloPort, GatewayPort })
        {
            int value = parse.GetValue(port);
            if (value is < 1 or > 65535)
            {
                return $"{port.Name} must be a port in [1, 65535], got {value}.";
            }
        }

        string? address = parse.GetValue(Address);
        return address is not null && !IPAddress.TryParse(address, out _) ? $"--address must be an IP address, got '{address}'." : null;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (Validate(parse) is string error)
        {
            await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
            return 1;
        }

        int siloPort = parse.GetValue(SiloPort);
        int gatewayPort = parse.GetValue(GatewayPort);
        string? redis = parse.GetValue(ClusterOptions.Redis);
        string clusterId = parse.GetRequiredValue(ClusterOptions.ClusterId);
        string serviceId = parse.GetRequiredValue(ClusterOptions.ServiceId);
        string? address = parse.GetValue(Address);

        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            if (redis is null)
            {
                int primary = parse.GetValue(PrimaryPort) ?? siloPort;
                silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primary), serviceId, clusterId);
            }
            else
            {
                silo.UseRedisClustering(redis);
                silo.Configure<global::Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
                if (address is null)
                {
                    silo.ConfigureEndpoints(siloPort, gatewayPort, System.Net.Sockets.AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(address), siloPort, gatewayPort);
                }
            }

            // A dead silo is declared dead quickly, so its ranges move to the survivors soon.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
            });
        });
        using IHost host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"silo ready: silo port {siloPort}, gateway port {gatewayPort}, membership {(redis is null ? "localhost" : "redis " + redis)}, cluster {clusterId}/{serviceId}");
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
