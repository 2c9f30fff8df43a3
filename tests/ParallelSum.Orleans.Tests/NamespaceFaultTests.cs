using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// Silos as separate hosts: each silo, Redis and the client in its own network namespace, wired by a bridge. A fault hits one
/// silo during a long request; the request must end with the exact sum or a <see cref="DistributedSumException"/> within
/// <see cref="ResultBound"/>, and afterwards no silo may keep computing abandoned ranges.
/// </summary>
public sealed class NamespaceFaultTests(ITestOutputHelper output)
{
    private const long Count = 40_000_000_000;
    private const ulong Seed = 77;

    /// <summary>The range timeout the client gives its grains, in seconds (also their deadline on the silos).</summary>
    private const int RangeTimeoutSeconds = 5;

    /// <summary>The longest a faulted request may take: the request's own compute time on a loaded 2-core machine plus retries.</summary>
    private static readonly TimeSpan ResultBound = TimeSpan.FromSeconds(150);

    /// <summary>How long after the result every silo must be idle: the grains' deadline plus measurement and margin.</summary>
    private static readonly TimeSpan IdleBound = TimeSpan.FromSeconds(RangeTimeoutSeconds + 10);

    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    private static readonly Lazy<Task<Int128>> Expected = new(async () =>
        (await new StreamingStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(Count, Seed))).Sum);

    [NamespaceTheory]
    [InlineData("kill -9")]
    [InlineData("SIGSTOP 8 s")]
    [InlineData("link down 8 s")]
    [InlineData("redis restarted empty")]
    public async Task FaultDuringALongRequest_EndsWithTheExactSumOrAClearError_AndLeavesNoWorkBehind(string fault)
    {
        Assert.Null(NetworkNamespaces.Unavailable);
        Assert.NotNull(RedisFactAttribute.RedisServerPath);
        using var hosts = NetworkNamespaces.Create("redis", "silo1", "silo2", "client");
        var processes = new List<SampleProcess>();
        try
        {
            string redisAddress = hosts.Address("redis") + ":6379";
            SampleProcess StartRedis()
            {
                SampleProcess redis = hosts.Start("redis", RedisFactAttribute.RedisServerPath!, "--port", "6379", "--bind", hosts.Address("redis"), "--save", "", "--appendonly", "no", "--protected-mode", "no");
                processes.Add(redis);
                return redis;
            }

            SampleProcess redis = StartRedis();
            await redis.WaitForLineAsync("Ready to accept connections", StartTimeout);
            var silos = new Dictionary<string, SampleProcess>();
            foreach (string silo in new[] { "silo1", "silo2" })
            {
                silos[silo] = hosts.Start(silo, "dotnet", SampleProcess.SiloDll, "--redis", redisAddress, "--address", hosts.Address(silo), "--cluster-id", "faults");
                processes.Add(silos[silo]);
            }

            foreach (SampleProcess silo in silos.Values)
            {
                await silo.WaitForLineAsync("silo ready", StartTimeout);
            }

            SampleProcess client = hosts.Start("client", "dotnet", SampleProcess.SiloDll, "sum", "--redis", redisAddress, "--cluster-id", "faults", "--connect-timeout", SampleProcess.ConnectTimeoutSeconds,
                "--count", Count.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture),
                "--response-timeout", RangeTimeoutSeconds.ToString(CultureInfo.InvariantCulture), "--json");
            processes.Add(client);
            await client.WaitForLineAsync(SampleProcess.RequestStarted, StartTimeout);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(2));
            SampleProcess victim = silos["silo2"];
            switch (fault)
            {
                case "kill -9":
                    victim.Signal("KILL");
                    break;
                case "SIGSTOP 8 s":
                    victim.Signal("STOP");
                    await Task.Delay(TimeSpan.FromSeconds(8));
                    victim.Signal("CONT");
                    break;
                case "link down 8 s":
                    hosts.SetLink("silo2", up: false);
                    await Task.Delay(TimeSpan.FromSeconds(8));
                    hosts.SetLink("silo2", up: true);
                    break;
                case "redis restarted empty":
                    redis.Signal("KILL");
                    await redis.WaitForExitAsync(TimeSpan.FromSeconds(30));
                    redis = StartRedis();
                    await redis.WaitForLineAsync("Ready to accept connections", StartTimeout);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
            }

            int exit = await client.WaitForExitAsync(ResultBound);
            TimeSpan timeToResult = clock.Elapsed;
            string outcome;
            string? sum = null;
            if (exit == 0)
            {
                string json = client.Output.Split(Environment.NewLine).Last(l => l.StartsWith('{'));
                sum = JsonDocument.Parse(json).RootElement.GetProperty("sum").GetString()!;
                outcome = "exact sum";
            }
            else
            {
                Assert.Equal(1, exit);
                Assert.Contains("error: ", client.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Unhandled exception", client.Output, StringComparison.Ordinal);
                outcome = "DistributedSumException: " + client.Output.Split(Environment.NewLine).Last(l => l.Contains("error: ", StringComparison.Ordinal));
            }

            int retries = client.Output.Split(Environment.NewLine).Count(l => l.Contains("DistributedStrategy[1]", StringComparison.Ordinal));
            var idle = new List<string>();
            foreach ((string name, SampleProcess silo) in silos)
            {
                if (silo.HasExited)
                {
                    idle.Add($"{name} exited ({silo.ExitCode})");
                    continue;
                }

                TimeSpan? toIdle = await ProcessCpu.TimeToIdleAsync(silo.Id, 0.05, IdleBound);
                Assert.True(toIdle is not null, $"{name} still computes {IdleBound} after the result ({fault}). Output:\n{silo.Output}");
                idle.Add($"{name} idle after {toIdle!.Value.TotalSeconds:F0} s");
            }

            // Checked after the idle measurement, which must start right at the result: the reference sum takes seconds to compute.
            if (sum is not null)
            {
                Assert.Equal((await Expected.Value).ToString(), sum);
            }

            output.WriteLine($"| {fault} | {outcome} | {timeToResult.TotalSeconds:F1} s | {retries} | {string.Join(", ", idle)} |");
        }
        finally
        {
            foreach (SampleProcess process in processes)
            {
                process.Dispose();
            }
        }
    }
}
