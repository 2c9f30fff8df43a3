using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ParallelSum.Orleans;

namespace ParallelSum.Silo;

/// <summary>Connects to a running cluster as a client and runs one distributed generate-and-sum request.</summary>
internal static class SumCommand
{
    private static readonly Option<long> Count = new("--count", "-n") { Description = "Number of values (0 or more).", DefaultValueFactory = _ => 100_000_000 };

    private static readonly Option<ulong> Seed = new("--seed") { Description = "Stream seed.", DefaultValueFactory = _ => 42 };

    private static readonly Option<int> Min = new("--min") { Description = "Smallest value.", DefaultValueFactory = _ => RandomStream.DefaultMin };

    private static readonly Option<int> Max = new("--max") { Description = "Largest value.", DefaultValueFactory = _ => RandomStream.DefaultMax };

    private static readonly Option<int[]> Gateways = new("--gateway-port")
    {
        Description = "Without --redis: gateway ports of silos on 127.0.0.1 (repeatable).",
        DefaultValueFactory = _ => [30000],
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> ResponseTimeout = new("--response-timeout")
    {
        Description = "Seconds before a grain call counts as failed and its range is retried elsewhere (1 or more).",
        DefaultValueFactory = _ => 30,
    };

    private static readonly Option<int> ConnectTimeout = new("--connect-timeout")
    {
        Description = "Seconds to wait for a connection to the cluster before failing (1 or more).",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<int?> Ranges = new("--ranges") { Description = "Number of ranges (default: the silos' range slots x 4, and ranges of at most 2e9 values)." };

    private static readonly Option<long> MaxValues = new("--max-values")
    {
        Description = "Largest request accepted (1 or more); a larger one is refused at once.",
        DefaultValueFactory = _ => DistributedStrategyOptions.DefaultMaxValuesPerRequest,
    };

    private static readonly Option<long> MaxValuesPerRange = new("--max-values-per-range")
    {
        Description = "Most values one grain call may sum (1 or more; default 2e9); the silos' own limit also applies.",
        DefaultValueFactory = _ => DistributedStrategyOptions.DefaultMaxValuesPerRange,
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print the result as one JSON object: strategy, count, seed, min, max, sum, seconds, firstRangeSeconds (when the first range's result arrived), silos, ranges." };

    public static void Configure(Command command)
    {
        foreach (Option option in new Option[] { Count, Seed, Min, Max, Gateways, ResponseTimeout, ConnectTimeout, Ranges, MaxValues, MaxValuesPerRange, Json })
        {
            command.Options.Add(option);
        }

        ClusterOptions.AddTo(command);
        ClusterTls.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
    }

    private static string? Validate(ParseResult parse)
    {
        if (parse.GetValue(Count) < 0)
        {
            return $"--count must be 0 or more, got {parse.GetValue(Count)}.";
        }

        if (parse.GetValue(Min) > parse.GetValue(Max))
        {
            return $"--min ({parse.GetValue(Min)}) must not exceed --max ({parse.GetValue(Max)}).";
        }

        if (parse.GetValue(ResponseTimeout) < 1 || parse.GetValue(ConnectTimeout) < 1)
        {
            return $"--response-timeout ({parse.GetValue(ResponseTimeout)}) and --connect-timeout ({parse.GetValue(ConnectTimeout)}) must be 1 or more seconds.";
        }

        foreach (Option<long> limit in new[] { MaxValues, MaxValuesPerRange })
        {
            if (parse.GetValue(limit) < 1)
            {
                return $"{limit.Name} must be 1 or more, got {parse.GetValue(limit)}.";
            }
        }

        if (parse.GetValue(Ranges) is < 1)
        {
            return $"--ranges must be 1 or more, got {parse.GetValue(Ranges)}.";
        }

        return parse.GetRequiredValue(Gateways).FirstOrDefault(p => p is < 1 or > 65535) is int bad and not 0
            ? $"--gateway-port must be a port in [1, 65535], got {bad}."
            : null;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (Validate(parse) is string error)
        {
            await Console.Error.WriteLineAsync($"error: {error} (see --help)").ConfigureAwait(false);
            return 2;
        }

        var request = new GenerateAndSumRequest(parse.GetValue(Count), parse.GetValue(Seed), parse.GetValue(Min), parse.GetValue(Max));
        string? redis = parse.GetValue(ClusterOptions.Redis);
        string clusterId = parse.GetRequiredValue(ClusterOptions.ClusterId);
        string serviceId = parse.GetRequiredValue(ClusterOptions.ServiceId);
        int[] gateways = parse.GetRequiredValue(Gateways);
        TimeSpan connectTimeout = TimeSpan.FromSeconds(parse.GetValue(ConnectTimeout));
        int? ranges = parse.GetValue(Ranges);
        long maxValues = parse.GetValue(MaxValues), maxValuesPerRange = parse.GetValue(MaxValuesPerRange);

        if (!ClusterTls.TryLoad(parse, out X509Certificate2? certificate))
        {
            return 2;
        }

        using X509Certificate2? tls = certificate;
        IHost host;
        try
        {
            host = await ClusterClientConnection.ConnectAsync(
                redis, gateways, clusterId, serviceId, TimeSpan.FromSeconds(parse.GetValue(ResponseTimeout)), connectTimeout, cancellationToken, o =>
                {
                    // r ranges: chunks of count / r values, rounded up.
                    o.Partitioner = ranges is int r ? IndexRangePartitioners.DynamicChunks(Math.Max(1, (request.Count + r - 1) / r)) : null;
                    o.MaxValuesPerRequest = maxValues;
                    o.MaxValuesPerRange = maxValuesPerRange;
                }, tls is null ? null : client => ClusterTls.Configure(client, tls), LogLevel.Information).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled before the connection to the cluster was made").ConfigureAwait(false);
            return 130;
        }

        try
        {
            var progress = new StderrProgress();
            GenerateAndSumResult result = await ClusterClientConnection.Strategy(host).GenerateAndSumAsync(request, progress, cancellationToken).ConfigureAwait(false);
            string firstRange = progress.FirstRange is TimeSpan first ? first.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) : "null";
            Console.WriteLine(parse.GetValue(Json)
                ? string.Create(CultureInfo.InvariantCulture, $"{{\"strategy\":\"{result.Strategy}\",\"count\":{request.Count},\"seed\":{request.Seed},\"min\":{request.Min},\"max\":{request.Max},\"sum\":\"{result.Sum}\",\"seconds\":{result.Elapsed.TotalSeconds:R},\"firstRangeSeconds\":{firstRange},\"silos\":{result.WorkerCount},\"ranges\":{result.RangeCount}}}")
                : result.ToString());
            return 0;
        }
        catch (Exception ex) when (ex is DistributedSumException or ArgumentOutOfRangeException or InvalidPartitioningException)
        {
            // Refused (by the client's own limits or a silo's), or failed on every attempt: one line, the first of the message.
            await Console.Error.WriteLineAsync($"error: {ex.Message.Split('\n')[0].Trim()}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled; the ranges in flight were cancelled on the silos").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            await ClusterClientConnection.DisconnectAsync(host).ConfigureAwait(false);
        }
    }
}
