using System.Diagnostics;
using System.Text.Json;

namespace ParallelSum.Orleans.Tests;

/// <summary>Real processes: redis-server on a free loopback port, silo processes of the sample with Redis membership, and the sample's client.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    [RedisFact]
    public async Task SilosOverRedis_SumExactly_EvenWhenASiloIsKilledMidRequest()
    {
        var processes = new List<SampleProcess>();
        try
        {
            int redisPort = SampleProcess.FreePort();
            var redis = SampleProcess.Start(RedisFactAttribute.RedisServerPath!, "--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
            processes.Add(redis);
            await redis.WaitForLineAsync("Ready to accept connections", StartTimeout);
            string redisAddress = $"127.0.0.1:{redisPort}";
            string clusterId = "test-" + Guid.NewGuid().ToString("N");
            var silos = new List<SampleProcess>();
            for (int i = 0; i < 3; i++)
            {
                var silo = SampleProcess.StartSample("--redis", redisAddress, "--address", "127.0.0.1", "--silo-port", SampleProcess.FreePort().ToString(),
                    "--gateway-port", SampleProcess.FreePort().ToString(), "--cluster-id", clusterId);
                processes.Add(silo);
                silos.Add(silo);
            }

            foreach (SampleProcess silo in silos)
            {
                await silo.WaitForLineAsync("silo ready", StartTimeout);
            }

            // A short request: exact against the sequential definition, on all three silos.
            var clientClock = Stopwatch.StartNew();
            JsonElement small = await RunClientAsync(processes, redisAddress, clusterId, 20_000_000, 11, ranges: null, afterStart: null);
            double clientSeconds = clientClock.Elapsed.TotalSeconds;
            Assert.Equal(new RandomStream(11).ReferenceSum(0, 20_000_000).ToString(), small.GetProperty("sum").GetString());
            Assert.Equal(3, small.GetProperty("silos").GetInt32());
            // The first range's result is reported after the request starts and before the client's process ends. (Not before
            // the strategy's own "seconds": progress is delivered on the thread pool, which on a loaded machine may hand the
            // first report to the handler after the last range is in.)
            Assert.InRange(small.GetProperty("firstRangeSeconds").GetDouble(), double.Epsilon, clientSeconds);

            // A long request (2e10 values: several seconds even with the vector kernels); one silo is killed (SIGKILL) 1.5 s in.
            // Its ranges time out after 5 s and are re-run on the survivors. The ranges are small (1e8 values, a tenth of a
            // second on an idle machine) so that an attempt on a live silo ends well within the 5 s even on a loaded machine:
            // only the killed silo's attempts time out.
            const long LongCount = 20_000_000_000;
            JsonElement survived = await RunClientAsync(processes, redisAddress, clusterId, LongCount, 5, ranges: 200, afterStart: async client =>
            {
                // Kill only once the client has listed the silos and sent the first ranges (its request-started line), then 1.5 s into the work.
                await client.WaitForLineAsync(SampleProcess.RequestStarted, StartTimeout);
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                silos[1].Kill();
            });
            await silos[1].WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(silos[1].HasExited);
            GenerateAndSumResult expected = await new StreamingStrategy().GenerateAndSumAsync(new GenerateAndSumRequest(LongCount, 5));
            Assert.Equal(expected.Sum.ToString(), survived.GetProperty("sum").GetString());
        }
        finally
        {
            foreach (SampleProcess process in processes)
            {
                process.Dispose();
            }
        }
    }

    [RedisFact]
    public async Task RedisDown_GivesAClearErrorWithinTheConnectTimeout()
    {
        string redis = $"127.0.0.1:{SampleProcess.FreePort()}";
        using var client = SampleProcess.StartSample("sum", "--redis", redis, "--count", "1000", "--connect-timeout", "5");
        int exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(DocumentedExitCodes.Sum("cluster unreachable"), exit);
        string line = Assert.Single(client.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"stderr: error: could not connect to the Orleans cluster parallelsum/parallelsum via redis {redis} within 5 s: Redis at {redis} cannot be reached (", line, StringComparison.Ordinal);
        Assert.EndsWith("); check that redis-server runs there and that this machine can reach it", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentRunWithCluster_SumsExactlyOnTheSilo()
    {
        // The experiment sample's run --cluster, against a one-silo localhost cluster of the silo sample (no Redis needed).
        int siloPort = SampleProcess.FreePort(), gatewayPort = SampleProcess.FreePort();
        string clusterId = "test-" + Guid.NewGuid().ToString("N");
        using var silo = SampleProcess.StartSample("--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(), "--cluster-id", clusterId);
        await silo.WaitForLineAsync("silo ready", StartTimeout);

        using var run = SampleProcess.Start("dotnet", SampleProcess.ExperimentDll, "run", "--strategy", "distributed", "--cluster", $"localhost:{gatewayPort}",
            "--cluster-id", clusterId, "--connect-timeout", SampleProcess.ConnectTimeoutSeconds, "--count", "1000000", "--json");
        Assert.Equal(0, await run.WaitForExitAsync(StartTimeout));

        Assert.Contains("\"strategy\": \"distributed\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"sum\": \"5002298\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSiloReachable_GivesAClearErrorWithinTheConnectTimeout()
    {
        int gateway = SampleProcess.FreePort();
        using var client = SampleProcess.StartSample("sum", "--gateway-port", gateway.ToString(), "--count", "1000", "--connect-timeout", "5");
        int exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(DocumentedExitCodes.Sum("cluster unreachable"), exit);
        string line = Assert.Single(client.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("stderr: error: could not connect to the Orleans cluster parallelsum/parallelsum", line, StringComparison.Ordinal);
        Assert.EndsWith($"within 5 s: no silo answered on 127.0.0.1 gateway port {gateway}; check that a silo runs with that --gateway-port and --cluster-id parallelsum --service-id parallelsum", line, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RunClientAsync(List<SampleProcess> processes, string redis, string clusterId, long count, ulong seed, int? ranges, Func<SampleProcess, Task>? afterStart)
    {
        string[] rangeOption = ranges is int r ? ["--ranges", r.ToString()] : [];
        var client = SampleProcess.StartSample(["sum", "--redis", redis, "--cluster-id", clusterId, "--connect-timeout", SampleProcess.ConnectTimeoutSeconds, "--count", count.ToString(), "--seed", seed.ToString(),
            "--response-timeout", "5", "--json", .. rangeOption]);
        processes.Add(client);
        if (afterStart is not null)
        {
            await afterStart(client);
        }

        int exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 0, $"client exited with {exit}:\n{client.Output}");
        string json = client.Output.Split(Environment.NewLine).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
