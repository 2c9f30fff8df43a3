using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using ParallelSum.Orleans;

namespace ParallelSum.Silo;

/// <summary>
/// Runs one Orleans silo hosting ParallelSum's range-sum grain until stopped (Ctrl+C / SIGTERM: exit code 0), or until it
/// finds itself dropped from the membership table or the cluster declares it dead (one line, exit code 1). It listens on
/// 127.0.0.1 unless <c>--address</c> (with <c>--redis</c>) is given, and refuses to start on a port in use, or with one port
/// given for both silos and clients (exit code 1).
/// </summary>
internal static class SiloCommand
{
    private static readonly Option<int> SiloPort = new("--silo-port") { Description = "Silo-to-silo port.", DefaultValueFactory = _ => 11111 };

    private static readonly Option<int> GatewayPort = new("--gateway-port") { Description = "Client gateway port.", DefaultValueFactory = _ => 30000 };

    private static readonly Option<string?> Address = new("--address")
    {
        Description = "IP address to listen on and advertise to other silos and clients; any other than 127.0.0.1 needs --redis. Default: 127.0.0.1, reachable from this machine only.",
    };

    private static readonly Option<int?> PrimaryPort = new("--primary-silo-port")
    {
        Description = "Without --redis: silo port of the primary silo on 127.0.0.1 to join (default: this silo is the primary).",
    };

    private static readonly Option<int> MaxConcurrentRanges = new("--max-concurrent-ranges")
    {
        Description = "Ranges this silo computes at once (1 or more; default: its processor count).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static readonly Option<int> MaxQueuedRanges = new("--max-queued-ranges")
    {
        Description = "Ranges that may wait for a slot (0 or more; default 16 x processor count); beyond it a range is refused at once. Below --max-concurrent-ranges every request of the default size is refused (the silo warns at start).",
        DefaultValueFactory = _ => 16 * Environment.ProcessorCount,
    };

    private static readonly Option<long> MaxValuesPerRange = new("--max-values-per-range")
    {
        Description = "Most values one range may have (1 or more; default 2e9); a larger range is refused.",
        DefaultValueFactory = _ => DistributedStrategyOptions.DefaultMaxValuesPerRange,
    };

    private static readonly Option<int> MaxRangeSeconds = new("--max-range-seconds")
    {
        Description = "Longest a range may stay on this silo, queued and computing, in seconds (1 to 86400; default 60): the deadline that stops work whose caller is gone.",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<int> MembershipCheckSeconds = new("--membership-check-seconds")
    {
        Description = "How often the silo checks it is still listed in the membership table, in seconds (0 = off, or 1 to 86400; default 10); a silo found missing stops with exit code 1.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Also log Orleans' own warnings and errors (multi-line, with stack traces)." };

    public static void Configure(Command command)
    {
        foreach (Option option in new Option[] { SiloPort, GatewayPort, Address, PrimaryPort, MaxConcurrentRanges, MaxQueuedRanges, MaxValuesPerRange, MaxRangeSeconds, MembershipCheckSeconds, Verbose })
        {
            command.Options.Add(option);
        }

        ClusterOptions.AddTo(command);
        ClusterTls.AddTo(command);
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

        if (parse.GetValue(MaxConcurrentRanges) < 1)
        {
            return $"--max-concurrent-ranges must be 1 or more, got {parse.GetValue(MaxConcurrentRanges)}.";
        }

        if (parse.GetValue(MaxQueuedRanges) < 0)
        {
            return $"--max-queued-ranges must be 0 or more, got {parse.GetValue(MaxQueuedRanges)}.";
        }

        if (parse.GetValue(MaxValuesPerRange) < 1)
        {
            return $"--max-values-per-range must be 1 or more, got {parse.GetValue(MaxValuesPerRange)}.";
        }

        if (parse.GetValue(MaxRangeSeconds) is < 1 or > 86400)
        {
            return $"--max-range-seconds must be in [1, 86400], got {parse.GetValue(MaxRangeSeconds)}.";
        }

        if (parse.GetValue(MembershipCheckSeconds) is < 0 or > 86400)
        {
            return $"--membership-check-seconds must be 0 (off) or in [1, 86400], got {parse.GetValue(MembershipCheckSeconds)}.";
        }

        string? address = parse.GetValue(Address);
        if (address is not null && !IPAddress.TryParse(address, out _))
        {
            return $"--address must be an IP address, got '{address}'.";
        }

        // Without Redis the cluster is Orleans' localhost clustering, which listens on 127.0.0.1 whatever else is asked.
        return address is not null && parse.GetValue(ClusterOptions.Redis) is null && !IPAddress.Parse(address).Equals(IPAddress.Loopback)
            ? $"--address {address} needs --redis: without it the silo is a one-machine cluster on 127.0.0.1."
            : null;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (Validate(parse) is string error)
        {
            await Console.Error.WriteLineAsync($"error: {error} (see --help)").ConfigureAwait(false);
            return 2;
        }

        int siloPort = parse.GetValue(SiloPort);
        int gatewayPort = parse.GetValue(GatewayPort);
        string? redis = parse.GetValue(ClusterOptions.Redis);
        string clusterId = parse.GetRequiredValue(ClusterOptions.ClusterId);
        string serviceId = parse.GetRequiredValue(ClusterOptions.ServiceId);
        IPAddress address = parse.GetValue(Address) is string a ? IPAddress.Parse(a) : IPAddress.Loopback;
        string membership = redis is null ? "localhost" : "redis " + redis;

        if (!ClusterTls.TryLoad(parse, out X509Certificate2? certificate))
        {
            return 2;
        }

        using X509Certificate2? tls = certificate;

        // Before the silo joins anything: two different ports, both free on the address it listens on.
        string? portProblem = siloPort == gatewayPort
            ? $"--silo-port and --gateway-port are both {siloPort}: the silo needs two ports, one for silos and one for clients"
            : ListenCheck.Problem(address, siloPort, "--silo-port") ?? ListenCheck.Problem(address, gatewayPort, "--gateway-port");
        if (portProblem is not null)
        {
            await Console.Error.WriteLineAsync($"error: the silo could not start: {portProblem}").ConfigureAwait(false);
            return 1;
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        ConfigureLogging(builder, parse.GetValue(Verbose));

        // A silo cut off from its membership store cannot leave the cluster gracefully; do not let it try for long.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
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

                // Listen on the advertised address only: 127.0.0.1 unless --address names another.
                silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            }

            if (tls is not null)
            {
                ClusterTls.Configure(silo, tls);
            }

            silo.AddParallelSum(o =>
            {
                o.MaxConcurrentRanges = parse.GetValue(MaxConcurrentRanges);
                o.MaxQueuedRanges = parse.GetValue(MaxQueuedRanges);
                o.MaxValuesPerRange = parse.GetValue(MaxValuesPerRange);
                o.MaxRangeDuration = TimeSpan.FromSeconds(parse.GetValue(MaxRangeSeconds));
                o.MembershipCheckInterval = TimeSpan.FromSeconds(parse.GetValue(MembershipCheckSeconds));
            });

            // When the cluster declares this silo dead: one line and exit code 1, not Orleans' fail-fast.
            silo.Services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, OneLineFatalErrorHandler>());

            // A dead silo is declared dead quickly, so its ranges move to the survivors soon.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
            });
        });
        using IHost host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled while the silo was starting").ConfigureAwait(false);
            return 130;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message} (see --help)").ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"error: the silo could not start with membership {membership} (cluster {clusterId}/{serviceId}): {ConnectionFailure.Describe(ex, redis)}").ConfigureAwait(false);
            return 1;
        }

        // A silo that lost its membership may hang while Orleans tries to record its departure in the unreachable table:
        // end the process if the host has not stopped 15 s after that stop began. Whatever stopped it has printed its one line.
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
        {
            if (Environment.ExitCode != 0)
            {
                _ = Task.Delay(TimeSpan.FromSeconds(15), CancellationToken.None).ContinueWith(_ => Environment.Exit(1), TaskScheduler.Default);
            }
        });

        // The addresses the silo listens on, as Orleans bound them.
        ILocalSiloDetails details = host.Services.GetRequiredService<ILocalSiloDetails>();
        string gateway = details.GatewayAddress is { } g ? g.Endpoint.Port.ToString(CultureInfo.InvariantCulture) : "none";
        Console.WriteLine($"silo ready: {details.SiloAddress.Endpoint.Address} silo port {details.SiloAddress.Endpoint.Port}, gateway port {gateway}, membership {membership}, cluster {clusterId}/{serviceId}, {(tls is null ? "no TLS" : "TLS")}");
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);

        // The membership check (AddParallelSum) sets exit code 1 when it stops a silo that was dropped from the cluster.
        return Environment.ExitCode == 0 ? 0 : 1;
    }

    private static void ConfigureLogging(HostApplicationBuilder builder, bool verbose)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Orleans logs a failed start or a lost connection as pages of stack traces; the silo prints its own one-line summary.
        if (!verbose)
        {
            builder.Logging.AddFilter("Orleans", LogLevel.Critical);
            builder.Logging.AddFilter("Microsoft", LogLevel.Critical);
        }
    }
}
