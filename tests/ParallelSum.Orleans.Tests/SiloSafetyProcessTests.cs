using System.Globalization;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// Safety of the silo sample as an operator meets it, with real processes: work stops when its client is killed, the silo
/// listens on loopback by default, and Redis trouble ends the silo with one clear line.
/// </summary>
public sealed class SiloSafetyProcessTests
{
    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    /// <summary>
    /// The documented bound on CPU left behind by a client killed with -9: the range time limit the client gave its grains
    /// (its --response-timeout, 5 s here) plus one second of measurement and 4 s of margin for a loaded machine.
    /// </summary>
    private static readonly TimeSpan IdleBound = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A silo computing counts as busy from 0.2 cores (it competes with whatever else runs on a shared 2-core machine) and as
    /// idle below 0.05 cores (an idle silo's membership probes and timers use about 0.01).
    /// </summary>
    private const double BusyCores = 0.2, IdleCores = 0.05;

    [Fact]
    public async Task ClientKilledWithSigkill_MidRequest_SiloCpuReturnsToIdleWithinTheRangeTimeLimit()
    {
        string clusterId = "test-" + Guid.NewGuid().ToString("N");
        int gateway = SampleProcess.FreePort();

        // Ranges of 2.5e11 values (minutes each), so only the grains' deadline can stop them once the client is gone.
        using var silo = SampleProcess.StartSample("--silo-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId, "--max-values-per-range", "1000000000000");
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        using var client = SampleProcess.StartSample("sum", "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId, "--connect-timeout", SampleProcess.ConnectTimeoutSeconds,
            "--count", "1000000000000", "--ranges", "4", "--max-values-per-range", "1000000000000", "--response-timeout", "5");
        await client.WaitForLineAsync(SampleProcess.RequestStarted, StartTimeout);
        double busy = 0;
        for (int second = 0; second < 20 && busy < BusyCores; second++)
        {
            busy = await ProcessCpu.CoresBusyAsync(silo.Id, TimeSpan.FromSeconds(1));
        }

        Assert.True(busy >= BusyCores, $"the silo was not computing before the kill ({busy:F2} cores busy)");

        client.Kill();
        TimeSpan? idle = await ProcessCpu.TimeToIdleAsync(silo.Id, IdleCores, IdleBound);

        Assert.True(idle is not null, $"the silo still computes {IdleBound} after its client was killed. Silo output:\n{silo.Output}");
        Assert.Contains("at its deadline", silo.Output, StringComparison.Ordinal);
        Assert.False(silo.HasExited);
    }

    [RedisFact]
    public async Task SiloWithRedisAndNoAddress_ListensOnLoopbackOnly()
    {
        using var redis = await RedisServer.StartAsync();
        int siloPort = SampleProcess.FreePort(), gatewayPort = SampleProcess.FreePort();
        using var silo = SampleProcess.StartSample("--redis", redis.Address, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--cluster-id", "test-" + Guid.NewGuid().ToString("N"));
        await silo.WaitForLineAsync("silo ready", StartTimeout);

        Assert.Contains($"silo ready: 127.0.0.1 silo port {siloPort}, gateway port {gatewayPort}, membership redis", silo.Output, StringComparison.Ordinal);
        foreach (int port in new[] { siloPort, gatewayPort })
        {
            IReadOnlyList<string> listeners = ListeningAddresses(port);
            Assert.NotEmpty(listeners);
            Assert.All(listeners, address => Assert.Equal("0100007F", address));
        }
    }

    [RedisFact]
    public async Task RedisDownAtStart_SiloFailsWithOneLine_ExitCode1()
    {
        string redis = $"127.0.0.1:{SampleProcess.FreePort()}";
        using var silo = SampleProcess.StartSample("--redis", redis, "--silo-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--cluster-id", "test-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(DocumentedExitCodes.Silo("Redis unreachable"), await silo.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        string[] lines = silo.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"stderr: error: the silo could not start with membership redis {redis} ", lines[0], StringComparison.Ordinal);

        // What to check, in words an operator can act on; not the Redis library's advice about its own settings.
        Assert.EndsWith($": Redis at {redis} cannot be reached (UnableToConnect); check that redis-server runs there and that this machine can reach it", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("abortConnect", lines[0], StringComparison.OrdinalIgnoreCase);
    }

    [RedisFact]
    public async Task RedisRestartedEmpty_SiloStopsWithAClearMessage_ExitCode1()
    {
        var redis = await RedisServer.StartAsync();
        try
        {
            using var silo = SampleProcess.StartSample("--redis", redis.Address, "--silo-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                "--gateway-port", SampleProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--cluster-id", "test-" + Guid.NewGuid().ToString("N"),
                "--membership-check-seconds", "2");
            await silo.WaitForLineAsync("silo ready", StartTimeout);
            await Task.Delay(TimeSpan.FromSeconds(5));

            redis = await redis.RestartEmptyAsync();

            Assert.Equal(DocumentedExitCodes.Silo("lost its membership entry"), await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("in the membership table of cluster", silo.Output, StringComparison.Ordinal);
            Assert.Contains("stopping so that a supervisor can restart it", silo.Output, StringComparison.Ordinal);
        }
        finally
        {
            redis.Dispose();
        }
    }

    [Theory]
    [InlineData("--silo-port 0", "--silo-port must be a port in [1, 65535], got 0.")]
    [InlineData("--address not-an-ip", "--address must be an IP address, got 'not-an-ip'.")]
    [InlineData("--address 10.99.99.99", "--address 10.99.99.99 needs --redis")]
    [InlineData("--max-concurrent-ranges 0", "--max-concurrent-ranges must be 1 or more, got 0.")]
    [InlineData("--max-range-seconds abc", "abc")]
    [InlineData("--bogus 1", "--bogus")]
    public async Task BadUsage_IsOneLine_WithTheDocumentedExitCode(string arguments, string named)
    {
        using var silo = SampleProcess.StartSample(arguments.Split(' '));
        Assert.Equal(DocumentedExitCodes.Silo("bad option value"), await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        string[] lines = silo.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith("stderr: error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.EndsWith("(see --help)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sum --count -5", "--count must be 0 or more, got -5.")]
    [InlineData("sum --min 5 --max 4", "--min (5) must not exceed --max (4).")]
    public async Task SumBadUsage_IsOneLine_WithTheDocumentedExitCode(string arguments, string named)
    {
        using var client = SampleProcess.StartSample(arguments.Split(' '));
        Assert.Equal(DocumentedExitCodes.Sum("bad option value"), await client.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        string line = Assert.Single(client.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    /// <summary>The hex IPv4 addresses (as /proc/net/tcp prints them) of the sockets listening on <paramref name="port"/>, and "v6" for IPv6 ones.</summary>
    internal static List<string> ListeningAddresses(int port)
    {
        string hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var found = new List<string>();
        foreach (string file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (string line in File.ReadLines(file).Skip(1))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string[] local = fields[1].Split(':');
                if (local[1] == hexPort && fields[3] == "0A")
                {
                    found.Add(file.EndsWith('6') ? "v6:" + local[0] : local[0]);
                }
            }
        }

        return found;
    }
}
