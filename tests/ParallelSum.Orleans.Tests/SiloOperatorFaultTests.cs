using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The silo sample as an operator meets it when something is set up wrong: ports in use, admission limits that refuse every
/// request, the address it reports, signals. Each case ends with one clear line and the exit code docs/orleans.md gives.
/// </summary>
public sealed partial class SiloOperatorFaultTests
{
    private static readonly TimeSpan StartTimeout = SampleProcess.Deadline;

    [Fact]
    public async Task ASiloOnAPortInUse_EitherPort_IsRefusedWithOneLine_BeforeItJoinsAnything()
    {
        string clusterId = NewClusterId();
        int siloPort = SampleProcess.FreePort(), gatewayPort = SampleProcess.FreePort();
        using var running = SampleProcess.StartSample(Ports(siloPort, gatewayPort, clusterId));
        await running.WaitForLineAsync("silo ready", StartTimeout);

        foreach ((int silo, int gateway, string option, int port) in new[]
        {
            (siloPort, SampleProcess.FreePort(), "--silo-port", siloPort),
            (SampleProcess.FreePort(), gatewayPort, "--gateway-port", gatewayPort),
        })
        {
            using var second = SampleProcess.StartSample(Ports(silo, gateway, clusterId));
            Assert.Equal(DocumentedExitCodes.Silo("a port in use"), await second.WaitForExitAsync(StartTimeout));
            string line = Assert.Single(Lines(second));
            Assert.Equal($"stderr: error: the silo could not start: {option} {port} is in use on 127.0.0.1: another silo or program listens there", line);
        }

        Assert.False(running.HasExited);
        Assert.Single(SiloSafetyProcessTests.ListeningAddresses(siloPort));
        Assert.Single(SiloSafetyProcessTests.ListeningAddresses(gatewayPort));
    }

    [Fact]
    public async Task ASiloWithEqualSiloAndGatewayPorts_IsRefusedWithOneLine_BeforeItListens()
    {
        int port = SampleProcess.FreePort();
        using var silo = SampleProcess.StartSample(Ports(port, port, NewClusterId()));
        Assert.Equal(DocumentedExitCodes.Silo("equal silo and gateway ports"), await silo.WaitForExitAsync(StartTimeout));
        string line = Assert.Single(Lines(silo));
        Assert.Equal($"stderr: error: the silo could not start: --silo-port and --gateway-port are both {port}: the silo needs two ports, one for silos and one for clients", line);
    }

    [Fact]
    public async Task TheAddressASiloPrints_IsTheOneItListensOn()
    {
        using var silo = SampleProcess.StartSample(Ports(SampleProcess.FreePort(), SampleProcess.FreePort(), NewClusterId()));
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        Match ready = ReadyLine().Match(silo.Output);
        Assert.True(ready.Success, silo.Output);
        string printed = ProcHex(IPAddress.Parse(ready.Groups["address"].Value));
        foreach (string port in new[] { ready.Groups["silo"].Value, ready.Groups["gateway"].Value })
        {
            List<string> listeners = SiloSafetyProcessTests.ListeningAddresses(int.Parse(port, CultureInfo.InvariantCulture));
            Assert.NotEmpty(listeners);
            Assert.All(listeners, address => Assert.Equal(printed, address));
        }
    }

    [Fact]
    public async Task AdmissionLimitsThatRefuseEveryDefaultRequest_WarnAtStart_AndTheRefusedClientIsToldTheLimitAndItsValue()
    {
        string clusterId = NewClusterId();
        int gateway = SampleProcess.FreePort();

        // Two slots and a queue of one: a client keeps four ranges in flight (two per slot), so the fourth is refused. The
        // ranges (1.25e11 values each) take minutes, so all four are sent before any ends.
        using var silo = SampleProcess.StartSample([.. Ports(SampleProcess.FreePort(), gateway, clusterId),
            "--max-concurrent-ranges", "2", "--max-queued-ranges", "1", "--max-values-per-range", "1000000000000"]);
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        string warning = Assert.Single(Lines(silo), l => l.Contains("[106]", StringComparison.Ordinal));
        Assert.Contains("MaxQueuedRanges 1 is less than MaxConcurrentRanges 2", warning, StringComparison.Ordinal);

        using var client = SampleProcess.StartSample("sum", "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId, "--connect-timeout", SampleProcess.ConnectTimeoutSeconds,
            "--count", "1000000000000", "--max-values-per-range", "1000000000000", "--response-timeout", "60");
        Assert.Equal(DocumentedExitCodes.Sum("request refused"), await client.WaitForExitAsync(StartTimeout));
        string error = Assert.Single(Lines(client), l => l.StartsWith("stderr: error: ", StringComparison.Ordinal));
        Assert.Contains("refused range", error, StringComparison.Ordinal);
        Assert.Contains("its queue is full: 1 of MaxQueuedRanges 1 queued, 2 of MaxConcurrentRanges 2 running", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigtermOnARunningSilo_StopsItGracefully_WithTheDocumentedExitCode()
    {
        using var silo = SampleProcess.StartSample(Ports(SampleProcess.FreePort(), SampleProcess.FreePort(), NewClusterId()));
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        silo.Signal("TERM");
        Assert.Equal(DocumentedExitCodes.Silo("graceful shutdown"), await silo.WaitForExitAsync(StartTimeout));
    }

    [Fact]
    public async Task SigintDuringARequest_EndsTheClientWithTheDocumentedExitCode_AndTheSiloStopsComputing()
    {
        string clusterId = NewClusterId();
        int gateway = SampleProcess.FreePort();
        using var silo = SampleProcess.StartSample([.. Ports(SampleProcess.FreePort(), gateway, clusterId), "--max-values-per-range", "1000000000000"]);
        await silo.WaitForLineAsync("silo ready", StartTimeout);
        using var client = SampleProcess.StartSample("sum", "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId, "--connect-timeout", SampleProcess.ConnectTimeoutSeconds,
            "--count", "1000000000000", "--ranges", "4", "--max-values-per-range", "1000000000000", "--response-timeout", "600");
        await client.WaitForLineAsync(SampleProcess.RequestStarted, StartTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1));

        client.Signal("INT");

        Assert.Equal(DocumentedExitCodes.Sum("cancelled during the request"), await client.WaitForExitAsync(StartTimeout));
        Assert.Contains("cancelled; the ranges in flight were cancelled on the silos", client.Output, StringComparison.Ordinal);

        // The ranges would run for minutes and their deadline is 60 s: only the cancellation can have stopped them.
        TimeSpan? idle = await ProcessCpu.TimeToIdleAsync(silo.Id, 0.05, TimeSpan.FromSeconds(20));
        Assert.True(idle is not null, $"the silo still computes 20 s after its client was cancelled. Silo output:\n{silo.Output}");
        Assert.DoesNotContain("at its deadline", silo.Output, StringComparison.Ordinal);
    }

    private static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N");

    private static string[] Ports(int siloPort, int gatewayPort, string clusterId) =>
        ["--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId];

    private static string[] Lines(SampleProcess process) => process.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An IPv4 address as /proc/net/tcp prints it: the four bytes in memory order, in hexadecimal.</summary>
    private static string ProcHex(IPAddress address) => Convert.ToHexString([.. address.GetAddressBytes().Reverse()]);

    [GeneratedRegex(@"silo ready: (?<address>\S+) silo port (?<silo>\d+), gateway port (?<gateway>\d+),")]
    private static partial Regex ReadyLine();
}
